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

    public SenmlAddress {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
    }

    /** The name before the first {@code ;}; the unit of a {@code u=} part after it, spaces around parts ignored. */
    public static SenmlAddress parse(String address) {
        String[] parts = address.split(";");
        String unit = "";
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i].strip();
            if (part.startsWith("u=")) {
                unit = part.substring(2).strip();
            }
        }
        return new SenmlAddress(parts.length == 0 ? "" : parts[0].strip(), unit);
    }
}
