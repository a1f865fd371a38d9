package cat.smartregion.gateway.core.internal.probe;

import cat.smartregion.gateway.api.driver.RawValue;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a probe found: the ranking of the hypotheses, or none when no numeric point answered.
 *
 * @param device   device id
 * @param profile  profile id or file
 * @param endpoint where the device answers
 * @param ranking  the hypotheses ranked; empty when nothing could be decoded
 * @param failures the points that did not answer, with their status
 */
public record ProbeReport(String device, String profile, URI endpoint, Optional<Ranking> ranking,
                          List<RawValue> failures) {

    public ProbeReport {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(ranking, "ranking");
        failures = List.copyOf(failures);
    }

    /** The line an installer acts on. */
    public String verdict() {
        return ranking.map(Verdict::of).orElse("the device at " + endpoint + " gave no number to probe");
    }
}
