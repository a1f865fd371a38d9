package cat.smartregion.gateway.driver.modbus.internal;

import cat.smartregion.gateway.api.driver.Connection;
import cat.smartregion.gateway.api.driver.PointRequest;
import cat.smartregion.gateway.api.driver.PointStatus;
import cat.smartregion.gateway.api.driver.RawValue;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A SunSpec device whose model sits wherever its maker put it: before the first read, finds the
 * "SunS" marker (holding 40000, 0 or 50000), walks the model chain (ID, length, ID, length, ...)
 * to the model the profile reads, and shifts the profile's holding addresses inside that model by
 * how far its ID register is from where the profile was written for ({@code sunspec.at}); other
 * addresses stay. Fronius and SolarEdge (a 65-register common model) or SMA (more models before the
 * inverter's) need it. A device that answers without the marker or the model fails every point as
 * exception 02 with the reason, kept for the connection; a device that did not answer is tried
 * again on the next read.
 */
final class SunSpecChain implements Connection {

    /** Profile option: the SunSpec model ID the profile reads, e.g. 103. */
    static final String MODEL = "sunspec.model";
    /** Profile option: the holding address of that model's ID register the profile's addresses assume. */
    static final String AT = "sunspec.at";

    private static final Logger LOG = LoggerFactory.getLogger(SunSpecChain.class);
    private static final int[] BASES = {40000, 0, 50000};
    private static final int MARKER_HIGH = 0x5375;
    private static final int MARKER_LOW = 0x6E53;
    private static final int END = 0xFFFF;
    private static final int MAX_MODELS = 64;
    private static final int LAST = 65535;
    private static final Pattern HOLDING = Pattern.compile("holding:(0[xX][0-9A-Fa-f]+|[0-9]+)(\\.[0-9]+)?");

    private final Connection unit;
    private final int model;
    private final int at;
    private Integer shift;
    private int modelEnd;
    private RawValue verdict;
    private List<PointRequest> lastAsked;
    private List<PointRequest> lastShifted;

    SunSpecChain(Connection unit, int model, int at) {
        this.unit = unit;
        this.model = model;
        this.at = at;
    }

    /**
     * The chain for the profile's options, or empty when the profile is not SunSpec.
     *
     * @throws IllegalArgumentException for unknown or malformed options
     */
    static Optional<int[]> options(Map<String, String> options) {
        for (String key : options.keySet()) {
            if (!key.equals(MODEL) && !key.equals(AT)) {
                throw new IllegalArgumentException("the Modbus driver takes the profile options " + MODEL + " and " + AT
                        + " only, got '" + key + "'");
            }
        }
        if (options.isEmpty()) {
            return Optional.empty();
        }
        if (!options.containsKey(MODEL) || !options.containsKey(AT)) {
            throw new IllegalArgumentException("a SunSpec profile names both " + MODEL + " and " + AT + ", got " + options.keySet());
        }
        return Optional.of(new int[] {number(options, MODEL, 1, END - 1), number(options, AT, 0, 65535)});
    }

    private static int number(Map<String, String> options, String key, int min, int max) {
        try {
            int value = Integer.parseInt(options.get(key).strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("option " + key + " must be a number " + min + "-" + max + ", got '" + options.get(key) + "'");
    }

    @Override
    public List<RawValue> read(List<PointRequest> points) {
        if (shift == null && verdict == null) {
            Optional<RawValue> failed = discover();
            if (failed.isPresent()) {
                return failAll(points, failed.get());
            }
        }
        if (verdict != null) {
            return failAll(points, verdict);
        }
        if (shift == 0) {
            return unit.read(points);
        }
        if (points != lastAsked) {
            lastShifted = points.stream().map(p -> new PointRequest(p.point(), shifted(p.address()), p.length())).toList();
            lastAsked = points;
        }
        return unit.read(lastShifted);
    }

    /** A holding address inside the model as the profile was written moved to where the device has it; others as they are. */
    private String shifted(String address) {
        Matcher m = HOLDING.matcher(address.strip());
        if (!m.matches()) {
            return address;
        }
        String number = m.group(1).toLowerCase(Locale.ROOT);
        int register = number.startsWith("0x") ? Integer.parseInt(number.substring(2), 16) : Integer.parseInt(number);
        if (register < at || register >= modelEnd) {
            return address;
        }
        return "holding:" + (register + shift) + (m.group(2) == null ? "" : m.group(2));
    }

    /**
     * Looks for the marker and walks the chain: sets the shift, or the verdict when the device answers
     * but is not the profile's SunSpec device (kept: a wrong profile costs no more requests); a failure
     * to try again on the next read when the device did not answer.
     */
    private Optional<RawValue> discover() {
        Optional<RawValue> timeout = Optional.empty();
        for (int base : BASES) {
            RawValue marker = registers(base, 2);
            if (marker.isOk()) {
                ByteBuffer words = ByteBuffer.wrap(marker.data());
                if ((words.getShort() & 0xFFFF) == MARKER_HIGH && (words.getShort() & 0xFFFF) == MARKER_LOW) {
                    return walk(base + 2);
                }
            } else if (marker.status() == PointStatus.TIMEOUT) {
                timeout = Optional.of(marker);
            } else if (!refused(marker)) {
                return Optional.of(marker);
            }
        }
        if (timeout.isPresent()) {
            return timeout;
        }
        verdict = notHere("no SunSpec marker 'SunS' at holding 40000, 0 or 50000: not a SunSpec device, or another profile's");
        return Optional.empty();
    }

    private Optional<RawValue> walk(int first) {
        List<Integer> seen = new ArrayList<>();
        int address = first;
        for (int i = 0; i < MAX_MODELS && address + 1 <= LAST; i++) {
            RawValue header = registers(address, 2);
            if (!header.isOk()) {
                if (refused(header)) {
                    break;
                }
                return Optional.of(header);
            }
            ByteBuffer words = ByteBuffer.wrap(header.data());
            int id = words.getShort() & 0xFFFF;
            int length = words.getShort() & 0xFFFF;
            if (id == model) {
                shift = address - at;
                modelEnd = at + 2 + Math.min(length, LAST - address - 1);
                LOG.info("SunSpec model {} found at holding {} (models before it: {}); profile addresses {}..{} shifted by {}",
                        model, address, seen, at, modelEnd - 1, shift);
                return Optional.empty();
            }
            if (id == END) {
                break;
            }
            seen.add(id);
            address += 2 + length;
        }
        verdict = notHere("SunSpec model " + model + " is not in the device's chain (models found: " + seen + ")");
        return Optional.empty();
    }

    /** The device refused the address (exception 01 or 02): it answers, the registers are not there. */
    private static boolean refused(RawValue answer) {
        return answer.status() == PointStatus.EXCEPTION && (answer.exceptionCode() == 1 || answer.exceptionCode() == 2);
    }

    /** The device answered, but the profile's SunSpec model is not there: as if it refused the addresses (exception 02). */
    private RawValue notHere(String detail) {
        LOG.warn("SunSpec device: {}", detail);
        return RawValue.exception("sunspec", 2, detail);
    }

    private RawValue registers(int address, int count) {
        return unit.read(List.of(new PointRequest("sunspec:" + address, "holding:" + address, count))).get(0);
    }

    private static List<RawValue> failAll(List<PointRequest> points, RawValue failure) {
        String detail = failure.point().startsWith("sunspec:") ? "SunSpec chain at holding "
                + failure.point().substring("sunspec:".length()) + ": " + failure.detail() : failure.detail();
        return points.stream().map(p -> new RawValue(p.point(), failure.status(), new byte[0], failure.exceptionCode(), detail))
                .toList();
    }

    @Override
    public void close() {
        unit.close();
    }
}
