package cat.smartregion.gateway.api.push;

import java.util.Objects;

/**
 * A profile point's address in a SenML pack (or other CoAP payload): a record name ({@code pm10},
 * the name after the base name, or the full name), a JSON pointer ({@code /pm10}) or {@code value}
 * for text, optionally followed by {@code ;u=UNIT}, the unit the record must carry. One parser for
 * the CoAP driver, which reads polled payloads, and the core, which decodes pushed ones.
 *
 * @param name the record name or pointer
 * @param unit the unit the SenML record must carry, empty when not checked
 */
public record SenmlAddress(String name, String unit) {

    private static final String UNIT = ";u=";

    public SenmlAddress {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
    }

    public static SenmlAddress parse(String address) {
        int at = address.indexOf(UNIT);
        return at < 0 ? new SenmlAddress(address.strip(), "")
                : new SenmlAddress(address.substring(0, at).strip(), address.substring(at + UNIT.length()).strip());
    }
}
