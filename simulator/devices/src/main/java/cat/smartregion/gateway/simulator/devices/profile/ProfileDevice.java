package cat.smartregion.gateway.simulator.devices.profile;

import cat.smartregion.gateway.simulator.devices.RegisterBank;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A simulated device for a Modbus profile: for every numeric point a fixed, plausible value inside
 * the point's range (between 30 % and 70 % of it, chosen from the point's name, so the same profile
 * always serves the same values), encoded into a {@link RegisterBank} per type, order, scale,
 * offset, SunSpec scale factor and unit. Serve the bank with
 * {@link cat.smartregion.gateway.simulator.devices.ModbusSlave}; {@link #served()} says what a
 * gateway must read. Registers the profile does not name answer exception 02.
 */
public final class ProfileDevice {

    private static final int[] SCALE_FACTORS = {-2, -1, 0};

    private final ProfileFile profile;
    private final Map<Integer, Integer> scaleFactors;
    private final List<ServedPoint> served;
    private final RegisterBank bank = new RegisterBank();

    private ProfileDevice(ProfileFile profile) {
        if (!profile.isModbus()) {
            throw new IllegalArgumentException("profile " + profile.id() + " is not a Modbus profile: " + profile.protocol());
        }
        this.profile = profile;
        this.scaleFactors = Collections.unmodifiableMap(chooseScaleFactors(profile.points()));
        List<ServedPoint> points = new ArrayList<>();
        for (ProfilePoint point : profile.points()) {
            ServedPoint value = serve(point, scaleFactors.getOrDefault(point.scaleFactor().orElse(-1), 0));
            put(value.holding(), value.address(), value.words());
            points.add(value);
        }
        scaleFactors.forEach((address, exponent) -> bank.holding(address, RegisterCodec.words(exponent, "int16", "ABCD")));
        this.served = List.copyOf(points);
        sunspecChain(profile);
    }

    /**
     * For a SunSpec profile ({@code sunspec.model}, {@code sunspec.at}), the chain a gateway walks to find
     * the model: "SunS" at holding 40000, the common model 1 up to the model's header at {@code sunspec.at},
     * the model's header, and the end marker after the last register the profile reads.
     */
    private void sunspecChain(ProfileFile profile) {
        String model = profile.options().get("sunspec.model");
        if (model == null) {
            return;
        }
        int at = Integer.parseInt(profile.options().get("sunspec.at"));
        if (at < 40004) {
            throw new IllegalArgumentException("profile " + profile.id() + ": the simulator serves a SunSpec chain from 40000, "
                    + "sunspec.at must be at least 40004, got " + at);
        }
        int last = Math.max(served.stream().mapToInt(p -> p.address() + p.words().length - 1).max().orElse(at + 1),
                scaleFactors.keySet().stream().mapToInt(Integer::intValue).max().orElse(at + 1));
        bank.holding(40000, 0x5375, 0x6E53).holding(40002, 1, at - 40004).holding(at, Integer.parseInt(model), last - at - 1)
                .holding(last + 1, 0xFFFF, 0);
    }

    public static ProfileDevice of(ProfileFile profile) {
        return new ProfileDevice(profile);
    }

    public static ProfileDevice of(Path file) throws IOException {
        return new ProfileDevice(ProfileFile.read(file));
    }

    public String id() {
        return profile.id();
    }

    /** What is served, point by point, in the profile's order. */
    public List<ServedPoint> served() {
        return served;
    }

    /** Points of the profile the simulator does not serve (bits, strings). */
    public List<String> skipped() {
        return profile.skipped();
    }

    /** Points the gateway derives from served ones with the installation's parameters. */
    public List<String> derived() {
        return profile.derived();
    }

    /** The SunSpec scale factors served, by holding register. */
    public Map<Integer, Integer> scaleFactors() {
        return scaleFactors;
    }

    /** The registers, for {@code ModbusSlave.add(unit, bank)}. */
    public RegisterBank bank() {
        return bank;
    }

    private void put(boolean holding, int address, int[] words) {
        if (holding) {
            bank.holding(address, words);
        } else {
            bank.input(address, words);
        }
    }

    /** For each scale-factor register the first exponent of -2, -1, 0 (rotated by address) every point using it can show. */
    private static Map<Integer, Integer> chooseScaleFactors(List<ProfilePoint> points) {
        Map<Integer, List<ProfilePoint>> users = points.stream().filter(p -> p.scaleFactor().isPresent())
                .collect(Collectors.groupingBy(p -> p.scaleFactor().getAsInt(), TreeMap::new, Collectors.toList()));
        Map<Integer, Integer> chosen = new TreeMap<>();
        users.forEach((address, using) -> {
            for (int i = 0; i < SCALE_FACTORS.length; i++) {
                int exponent = SCALE_FACTORS[(address + i) % SCALE_FACTORS.length];
                if (using.stream().allMatch(p -> RawRange.of(p, exponent).isPresent())) {
                    chosen.put(address, exponent);
                    return;
                }
            }
            throw new IllegalArgumentException("no scale factor of -2..0 in holding " + address + " fits its points' ranges");
        });
        return chosen;
    }

    private static ServedPoint serve(ProfilePoint point, int exponent) {
        RawRange range = RawRange.of(point, exponent).orElseThrow(() -> new IllegalArgumentException(
                "point " + point.name() + ": no " + point.type() + " value fits the range [" + point.min() + ", " + point.max() + "]"));
        double raw = range.pick(fraction(point.name()), point.type());
        DeviceUnits.Conversion unit = DeviceUnits.of(point.quantity(), point.unit());
        double step = point.scale() * Math.pow(10, exponent);
        double device = raw * Math.pow(10, exponent) * point.scale() + point.offset();
        double canonical = unit.toCanonical(device);
        double resolution = Math.abs(step * unit.factor());
        double tolerance = RegisterCodec.isFloat(point.type())
                ? Math.abs(canonical) * (point.type().equals("float32") ? 1e-6 : 1e-12) + resolution * 1e-12
                : resolution / 2;
        return new ServedPoint(point.name(), point.quantity(), canonical, unit.canonicalUnit(), tolerance, point.holding(),
                point.address(), RegisterCodec.words(raw, point.type(), point.order()));
    }

    /** 0.3 to 0.7, fixed for a name. */
    private static double fraction(String name) {
        return 0.3 + 0.4 * (Math.floorMod(name.hashCode(), 1000) / 1000.0);
    }
}
