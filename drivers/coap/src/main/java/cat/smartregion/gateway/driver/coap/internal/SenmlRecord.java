package cat.smartregion.gateway.driver.coap.internal;

import java.util.Objects;

/**
 * One resolved SenML record (RFC 8428): base name, base unit and base value applied.
 *
 * @param name     the record's own name ({@code n})
 * @param fullName base name and name ({@code bn + n})
 * @param unit     its unit ({@code u}, else the base unit), empty when none
 * @param value    the value as text: a number in decimal notation, a string, or {@code true}/{@code false}
 */
record SenmlRecord(String name, String fullName, String unit, String value) {

    SenmlRecord {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(fullName, "fullName");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(value, "value");
    }

    boolean named(String wanted) {
        return name.equals(wanted) || fullName.equals(wanted);
    }
}
