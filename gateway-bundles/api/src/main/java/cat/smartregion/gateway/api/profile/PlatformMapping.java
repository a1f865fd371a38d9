package cat.smartregion.gateway.api.profile;

import java.util.Objects;
import java.util.Set;

/**
 * Where a point's readings go on the platform: the Sentilo catalog's sensor type, data type and
 * unit, and the FIWARE Smart Data Models attribute. Written in a profile as
 * {@code platform: {sentilo: {type: voltage, dataType: NUMBER, unit: V}, sdm: phaseVoltage.L1}}.
 *
 * @param sentiloType     Sentilo sensor type, e.g. {@code voltage}; empty only in {@link #NONE}
 * @param sentiloDataType Sentilo data type: {@code NUMBER}, {@code BOOLEAN} or {@code TEXT}; empty only in {@link #NONE}
 * @param sentiloUnit     unit the catalog shows; the readings' canonical unit or a spelling of it, empty for
 *                        a boolean or a text
 * @param sdm             Smart Data Models attribute, a sub-property after a dot ({@code phaseVoltage.L1});
 *                        empty when the data models have none for this point
 */
public record PlatformMapping(String sentiloType, String sentiloDataType, String sentiloUnit, String sdm) {

    /** No mapping: a point made in code rather than read from a profile; the uplink then decides alone. */
    public static final PlatformMapping NONE = new PlatformMapping("", "", "", "");

    /** Sentilo's data types a gateway's readings can have. */
    public static final Set<String> DATA_TYPES = Set.of("NUMBER", "BOOLEAN", "TEXT");

    private static final String ID = "[A-Za-z0-9_-]{1,64}";
    private static final String ATTRIBUTE = "[A-Za-z][A-Za-z0-9_]{0,63}(\\.[A-Za-z0-9_]{1,32})?";

    public PlatformMapping {
        Objects.requireNonNull(sentiloType, "sentiloType");
        Objects.requireNonNull(sentiloDataType, "sentiloDataType");
        Objects.requireNonNull(sentiloUnit, "sentiloUnit");
        Objects.requireNonNull(sdm, "sdm");
        boolean none = sentiloType.isEmpty() && sentiloDataType.isEmpty() && sentiloUnit.isEmpty() && sdm.isEmpty();
        if (!none && !sentiloType.matches(ID)) {
            throw new IllegalArgumentException("Sentilo type '" + sentiloType + "' must be 1-64 of A-Z a-z 0-9 _ -");
        }
        if (!none && !DATA_TYPES.contains(sentiloDataType)) {
            throw new IllegalArgumentException("Sentilo dataType '" + sentiloDataType + "' must be one of NUMBER, BOOLEAN, TEXT");
        }
        if (!sdm.isEmpty() && !sdm.matches(ATTRIBUTE)) {
            throw new IllegalArgumentException("Smart Data Models attribute '" + sdm + "' must match " + ATTRIBUTE);
        }
    }

    /** Whether the profile gave no mapping ({@link #NONE}). */
    public boolean isEmpty() {
        return sentiloType.isEmpty();
    }
}
