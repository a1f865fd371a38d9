package cat.smartregion.gateway.driver.modbus.internal;

import cat.smartregion.gateway.api.driver.Connection;
import cat.smartregion.gateway.api.driver.PointRequest;
import cat.smartregion.gateway.api.driver.PointStatus;
import cat.smartregion.gateway.api.driver.RawValue;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A SunSpec device whose model sits wherever its maker put it: before the first read, finds the
 * "SunS" marker (holding 40000, 0 or 50000), walks the model chain (ID, length, ID, length, ...)
 * to the model the profile reads, and shifts every holding address of the profile by how far that
 * model's ID register is from where the profile was written for ({@code sunspec.at}). Fronius and
 * SolarEdge (a 65-register common model) or SMA (more models before the inverter's) need it.
 * A chain that cannot be walked fails every point with the reason; a silent device is tried again
 * on the next read.
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
    private static final Pattern HOLDING = Pattern.compile("holding:(0[xX][0-9A-Fa-f]+|[0-9]+)(\\.[0-9]+)?");

    private final Connection unit;
    private final int model;
    private final int at;
    private Integer shift;

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
        if (shift == null) {
            Optional<List<RawValue>> failed = discover(points);
            if (failed.isPresent()) {
                return failed.get();
            }
        }
        List<PointRequest> shifted = points.stream().map(p -> new PointRequest(p.point(), shifted(p.address()), p.length())).toList();
        return unit.read(shifted);
    }

    private String shifted(String address) {
        Matcher m = HOLDING.matcher(address.strip());
        if (!m.matches() || shift == 0) {
            return address;
        }
        String number = m.group(1).toLowerCase();
        int register = number.startsWith("0x") ? Integer.parseInt(number.substring(2), 16) : Integer.parseInt(number);
        return "holding:" + (register + shift) + (m.group(2) == null ? "" : m.group(2));
    }

    /** Walks the chain; the failure of every point when it cannot. */
    private Optional<List<RawValue>> discover(List<PointRequest> points) {
        for (int base : BASES) {
            RawValue marker = registers(base, 2);
            if (!marker.isOk()) {
                if (marker.status() != PointStatus.EXCEPTION) {
                    return Optional.of(failAll(points, marker.status(), "SunSpec marker at holding " + base + ": " + marker.detail()));
                }
                continue;
            }
            ByteBuffer words = ByteBuffer.wrap(marker.data());
            if ((words.getShort() & 0xFFFF) == MARKER_HIGH && (words.getShort() & 0xFFFF) == MARKER_LOW) {
                return walk(base + 2, points);
            }
        }
        return Optional.of(failAll(points, PointStatus.BAD_FRAME, "no SunSpec marker 'SunS' at holding 40000, 0 or 50000"));
    }

    private Optional<List<RawValue>> walk(int first, List<PointRequest> points) {
        List<Integer> seen = new ArrayList<>();
        int address = first;
        for (int i = 0; i < MAX_MODELS && address + 1 <= 65535; i++) {
            RawValue header = registers(address, 2);
            if (!header.isOk()) {
                return Optional.of(failAll(points, header.status(), "SunSpec model header at holding " + address + ": "
                        + header.detail()));
            }
            ByteBuffer words = ByteBuffer.wrap(header.data());
            int id = words.getShort() & 0xFFFF;
            int length = words.getShort() & 0xFFFF;
            if (id == model) {
                shift = address - at;
                LOG.info("SunSpec model {} found at holding {} (models before it: {}); profile addresses shifted by {}",
                        model, address, seen, shift);
                return Optional.empty();
            }
            if (id == END) {
                break;
            }
            seen.add(id);
            address += 2 + length;
        }
        return Optional.of(failAll(points, PointStatus.BAD_FRAME, "SunSpec model " + model + " is not in the device's chain "
                + "(models found: " + seen + ")"));
    }

    private RawValue registers(int address, int count) {
        return unit.read(List.of(new PointRequest("sunspec:" + address, "holding:" + address, count))).get(0);
    }

    private static List<RawValue> failAll(List<PointRequest> points, PointStatus status, String detail) {
        PointStatus reported = status == PointStatus.OK ? PointStatus.BAD_FRAME : status;
        return points.stream().map(p -> RawValue.failed(p.point(), reported, detail)).toList();
    }

    @Override
    public void close() {
        unit.close();
    }
}
