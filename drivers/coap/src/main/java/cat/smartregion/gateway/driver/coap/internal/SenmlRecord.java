package cat.smartregion.gateway.driver.coap.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * One resolved SenML record (RFC 8428): base name, base unit, base value and base time applied.
 *
 * @param baseName the base name in force ({@code bn}), empty when none
 * @param name     the record's own name ({@code n})
 * @param unit     its unit ({@code u}, else the base unit), empty when none
 * @param value    the value as text: a number in decimal notation, a string, or {@code true}/{@code false}
 * @param time     base time plus time ({@code bt + t}) in seconds as sent: 2^28 or more is absolute (since the
 *                 epoch), less is relative to the time of receipt (0, the default, is "now")
 */
record SenmlRecord(String baseName, String name, String unit, String value, BigDecimal time) {

    /** RFC 8428 section 4.5.3: times from 2^28 s on are absolute, smaller ones relative to now. */
    static final BigDecimal ABSOLUTE_FROM = BigDecimal.valueOf(1L << 28);

    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    SenmlRecord {
        Objects.requireNonNull(baseName, "baseName");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(time, "time");
    }

    /** The base name followed by the name. */
    String fullName() {
        return baseName + name;
    }

    boolean named(String wanted) {
        return name.equals(wanted) || fullName().equals(wanted);
    }

    /**
     * The record's time in ms since the epoch, relative times counted from {@code nowMillis}.
     *
     * @throws IllegalArgumentException when the time is beyond what a ms count since the epoch can hold
     */
    long epochMillis(long nowMillis) {
        BigDecimal millis = time.multiply(THOUSAND);
        if (time.compareTo(ABSOLUTE_FROM) < 0) {
            millis = millis.add(BigDecimal.valueOf(nowMillis));
        }
        try {
            return millis.setScale(0, RoundingMode.HALF_UP).longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("SenML time " + time + " s is out of range", e);
        }
    }
}
