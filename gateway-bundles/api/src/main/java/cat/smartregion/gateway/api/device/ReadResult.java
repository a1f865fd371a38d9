package cat.smartregion.gateway.api.device;

import cat.smartregion.gateway.api.Reading;
import cat.smartregion.gateway.api.driver.RawValue;
import java.util.List;

/**
 * The outcome of reading a device once.
 *
 * @param readings the normalized readings of the points that answered
 * @param failures the points that did not, with their status
 */
public record ReadResult(List<Reading> readings, List<RawValue> failures) {

    public ReadResult {
        readings = List.copyOf(readings);
        failures = List.copyOf(failures);
    }
}
