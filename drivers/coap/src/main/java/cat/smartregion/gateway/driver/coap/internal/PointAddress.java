package cat.smartregion.gateway.driver.coap.internal;

import java.util.Objects;

/**
 * A point's address in a CoAP payload: {@code value} for text, a JSON pointer ({@code /pm10})
 * for JSON, a SenML record name ({@code pm10}, the name after the base name, or the full name),
 * optionally followed by {@code ;u=UNIT}, the unit the record must carry.
 *
 * @param name the pointer or record name
 * @param unit the unit the SenML record must carry, empty when not checked
 */
record PointAddress(String name, String unit) {

    private static final String UNIT = ";u=";

    PointAddress {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
    }

    static PointAddress parse(String address) {
        int at = address.indexOf(UNIT);
        return at < 0 ? new PointAddress(address.strip(), "")
                : new PointAddress(address.substring(0, at).strip(), address.substring(at + UNIT.length()).strip());
    }
}
