package cat.smartregion.gateway.core.internal.device;

import cat.smartregion.gateway.api.Priority;
import cat.smartregion.gateway.api.profile.DataType;
import cat.smartregion.gateway.api.profile.PointSpec;
import cat.smartregion.gateway.api.profile.Range;
import cat.smartregion.gateway.api.profile.WordOrder;
import cat.smartregion.gateway.api.push.PushedRecord;
import cat.smartregion.gateway.core.internal.quantity.Quantities;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The points of a profile that takes any record ({@code records: any}, as {@code generic-senml}):
 * a record becomes a point named after it, its quantity known from its unit (a unit several
 * quantities share goes to the one in {@link #PREFERRED}, e.g. {@code %} to ratio), its value
 * converted to the quantity's canonical unit. Records without a number are left out; a record
 * without a unit or with an unknown or ambiguous unit cannot be taken ({@link Untaken}: the others
 * can, e.g. a sensor's readings beside its battery's {@code %EL}); a name SenML forbids makes the
 * message malformed.
 */
final class GenericRecords {

    /** A well-formed record the profile cannot make a reading of; the message's other records stand. */
    static final class Untaken extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        Untaken(String message) {
            super(message);
        }
    }

    /** RFC 8428 section 4.5.1: the characters of a resolved name. */
    private static final Pattern SENML_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9:./_-]*");
    private static final Map<String, String> PREFERRED = Map.ofEntries(Map.entry("/", "ratio"), Map.entry("%", "ratio"),
            Map.entry("ppm", "gasConcentration"), Map.entry("ppb", "gasConcentration"), Map.entry("m", "length"),
            Map.entry("mm", "length"), Map.entry("cm", "length"), Map.entry("km", "length"), Map.entry("m/s", "speed"));

    private final String device;
    private final boolean oneBaseName;

    /** @param records the message's records: when they share one base name, points are named without it */
    GenericRecords(String device, List<PushedRecord> records) {
        this.device = device;
        this.oneBaseName = records.stream().map(PushedRecord::baseName).distinct().count() <= 1;
    }

    /**
     * The point a record becomes; empty when it carries no number.
     *
     * @throws Untaken naming the device and the record when its unit says no quantity
     * @throws IllegalArgumentException naming the device and the record when its name is not SenML's
     */
    Optional<PointSpec> point(PushedRecord record) {
        if (!isNumber(record.value())) {
            return Optional.empty();
        }
        String name = oneBaseName && !record.name().isEmpty() ? record.name() : record.fullName();
        if (!SENML_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(message(record,
                    "is not a SenML name (A-Z a-z 0-9 - : . / _, starting with a letter or digit)"));
        }
        if (record.unit().isEmpty()) {
            throw untaken(record, "has no unit: the generic-senml profile knows a record's quantity from its unit");
        }
        String quantity = quantity(record);
        Priority priority = Quantities.isCumulative(quantity) ? Priority.COUNTER : Priority.SAMPLE;
        return Optional.of(new PointSpec(name, "SenML record " + record.fullName(), quantity, record.fullName(),
                DataType.DECIMAL, WordOrder.ABCD, 1, 0, record.unit(), Range.ANY, priority));
    }

    private String quantity(PushedRecord record) {
        List<String> candidates = Quantities.names().stream()
                .filter(q -> Quantities.deviceUnits(q).contains(record.unit())).toList();
        String preferred = PREFERRED.get(record.unit());
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        if (preferred != null && candidates.contains(preferred)) {
            return preferred;
        }
        List<String> exact = candidates.stream()
                .filter(q -> Quantities.canonicalUnit(q).orElseThrow().equals(record.unit())).toList();
        if (exact.size() == 1) {
            return exact.get(0);
        }
        throw untaken(record, candidates.isEmpty() ? "has unit '" + record.unit() + "', which the quantity table does not know"
                : "has unit '" + record.unit() + "', shared by the quantities " + candidates
                + ": name the record in a profile of its own");
    }

    private Untaken untaken(PushedRecord record, String why) {
        return new Untaken(message(record, why));
    }

    private String message(PushedRecord record, String why) {
        return "device " + device + " record '" + record.fullName() + "' " + why;
    }

    private static boolean isNumber(String value) {
        try {
            new BigDecimal(value.strip());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
