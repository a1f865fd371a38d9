package cat.smartregion.gateway.bench;

import cat.smartregion.gateway.api.device.GatewayIdentity;
import cat.smartregion.gateway.api.device.ReadResult;
import cat.smartregion.gateway.api.driver.Connection;
import cat.smartregion.gateway.api.driver.Driver;
import cat.smartregion.gateway.api.driver.PointRequest;
import cat.smartregion.gateway.api.driver.RawValue;
import cat.smartregion.gateway.api.profile.DeviceProfile;
import cat.smartregion.gateway.core.internal.device.PollPlan;
import cat.smartregion.gateway.core.internal.profile.ProfileLibraryImpl;
import cat.smartregion.gateway.driver.modbus.internal.ModbusDriver;
import cat.smartregion.gateway.simulator.devices.MeterModel;
import cat.smartregion.gateway.simulator.devices.MeterRegister;
import cat.smartregion.gateway.simulator.devices.ModbusSlave;
import cat.smartregion.gateway.simulator.devices.SimulatedMeter;
import cat.smartregion.gateway.simulator.devices.UndefinedRegisters;
import cat.smartregion.gateway.simulator.devices.Wire;
import com.ghgande.j2mod.modbus.io.ModbusTCPTransaction;
import com.ghgande.j2mod.modbus.msg.ReadInputRegistersRequest;
import com.ghgande.j2mod.modbus.msg.ReadInputRegistersResponse;
import com.ghgande.j2mod.modbus.net.TCPMasterConnection;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Points per second polled from a simulated SDM630 (every value of its map, float32 in input
 * registers) over Modbus TCP on loopback, three ways against the same server in the same run:
 * through the gateway's driver (request plan), naively with one raw j2mod request per point, and
 * with raw j2mod requests of exactly the blocks the plan makes. Two setups: the plan bridging gaps
 * of up to 20 registers against a meter that reads its holes as zeros (as Eastron meters do), and
 * contiguous runs only against a meter that refuses them. Rounds alternate the three ways so that
 * load from elsewhere hits them alike; medians are reported.
 */
public final class ModbusPollBench implements Benchmark {

    private static final int ROUNDS = 3;
    private static final MeterModel MODEL = MeterModel.SDM630;
    /** The profile library of the repository (bench/run passes it). */
    private static final Path PROFILES = Path.of(System.getProperty("bench.profiles", "device-profiles/profiles"));

    /** A run of contiguous registers read by one request. */
    private record Block(int start, int count) {
    }

    /** One way to read the map: the gap the plan may bridge, and how the server answers across holes. */
    private record Setup(String name, int gap, UndefinedRegisters holes) {
    }

    /** Figures of one setup, medians over the rounds, in points per second ({@code cycle}: readings per second). */
    private record Figures(int blocks, double ours, double naive, double raw, double cycle, double planRead) {
    }

    @Override
    public String description() {
        return "SDM630 map over Modbus TCP: driver + plan vs one j2mod request per point vs j2mod requests of the same blocks, "
                + "and the gateway's whole cycle (eastron-sdm630 profile: plan, driver, decode, normalized readings) vs the same "
                + "plan's bare read; "
                + "arg: seconds per round and way (3)";
    }

    @Override
    public Summary run(List<String> args, PrintStream out) throws Exception {
        double seconds = args.isEmpty() ? 3 : Double.parseDouble(args.get(0));
        out.printf("%s: %d points (float32 input registers), server: the simulator's scriptable slave on loopback%n",
                MODEL.title(), MODEL.registers().size());
        Figures bridged = measure(new Setup("gap=20 (holes read as zeros, as Eastron meters do)", 20,
                UndefinedRegisters.ZERO_IN_HOLES), seconds, out);
        Figures contiguous = measure(new Setup("gap=0 (contiguous runs only; server refuses holes)", 0,
                UndefinedRegisters.REFUSED), seconds, out);
        return new Summary("modbus-poll", bridged.ours() / bridged.raw()).put("points", MODEL.registers().size())
                .put("blocks", bridged.blocks()).put("oursPointsPerS", Math.round(bridged.ours()))
                .put("naivePointsPerS", Math.round(bridged.naive())).put("rawPointsPerS", Math.round(bridged.raw()))
                .put("oursOverNaive", round(bridged.ours() / bridged.naive()))
                .put("contiguousBlocks", contiguous.blocks()).put("contiguousOursPointsPerS", Math.round(contiguous.ours()))
                .put("contiguousOursOverNaive", round(contiguous.ours() / contiguous.naive()))
                .put("contiguousOursOverRaw", round(contiguous.ours() / contiguous.raw()))
                .put("cycleReadingsPerS", Math.round(bridged.cycle())).put("profileReadPointsPerS", Math.round(bridged.planRead()))
                .put("cycleOverProfileRead", round(bridged.cycle() / bridged.planRead()))
                .put("secondsPerRound", seconds).put("rounds", ROUNDS);
    }

    private static Figures measure(Setup setup, double seconds, PrintStream out) throws Exception {
        SimulatedMeter meter = SimulatedMeter.of(MODEL, 7, Instant.parse("2026-11-27T08:00:00Z"));
        try (ModbusSlave server = ModbusSlave.tcp(InetAddress.getLoopbackAddress(), 0, Wire.TCP).add(1, meter, setup.holes())) {
            List<PointRequest> points = points();
            List<Block> blocks = blocks(setup.gap());
            int port = server.port();
            out.printf("%s: %d requests per poll%n", setup.name(), blocks.size());
            checkPlan(port, setup.gap(), points, blocks.size(), server, meter);
            List<Double> ours = new ArrayList<>();
            List<Double> naive = new ArrayList<>();
            List<Double> raw = new ArrayList<>();
            List<Double> cycle = new ArrayList<>();
            List<Double> planRead = new ArrayList<>();
            for (int round = 1; round <= ROUNDS; round++) {
                ours.add(ours(port, setup.gap(), points, seconds));
                naive.add(rawRate(port, singlePoints(), seconds));
                raw.add(rawRate(port, blocks, seconds) * points.size() / blocks.size());
                cycle.add(cycles(port, setup.gap(), seconds, true));
                planRead.add(cycles(port, setup.gap(), seconds, false));
                out.printf("  round %d: ours %,.0f points/s, naive %,.0f points/s, raw j2mod blocks %,.0f points/s; profile: "
                        + "read %,.0f points/s, whole cycle %,.0f readings/s%n", round, ours.get(round - 1), naive.get(round - 1),
                        raw.get(round - 1), planRead.get(round - 1), cycle.get(round - 1));
            }
            Figures f = new Figures(blocks.size(), median(ours), median(naive), median(raw), median(cycle), median(planRead));
            out.printf("  medians: ours %,.0f, naive %,.0f, raw %,.0f points/s; ours/naive %.2f (goal >= 5), ours/raw %.2f "
                    + "(goal >= 0.8); profile read %,.0f points/s, whole cycle %,.0f readings/s, cycle/read %.2f%n",
                    f.ours(), f.naive(), f.raw(), f.ours() / f.naive(), f.ours() / f.raw(), f.planRead(), f.cycle(),
                    f.cycle() / f.planRead());
            return f;
        }
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static List<PointRequest> points() {
        return MODEL.registers().stream()
                .map(r -> new PointRequest("r" + r.address(), String.format("input:0x%04X", r.address()), 2)).toList();
    }

    /** The blocks the request plan makes of the map: runs of at most 125 registers with gaps of at most {@code gap}. */
    private static List<Block> blocks(int gap) {
        List<Block> blocks = new ArrayList<>();
        int start = -1;
        int end = -1;
        for (MeterRegister r : MODEL.registers()) {
            if (start < 0 || r.address() - end > gap || r.address() + 2 - start > 125) {
                if (start >= 0) {
                    blocks.add(new Block(start, end - start));
                }
                start = r.address();
            }
            end = r.address() + 2;
        }
        blocks.add(new Block(start, end - start));
        return blocks;
    }

    private static List<Block> singlePoints() {
        return MODEL.registers().stream().map(r -> new Block(r.address(), 2)).toList();
    }

    /** The driver sends exactly the blocks counted here, and every point answers the meter's value. */
    private static void checkPlan(int port, int gap, List<PointRequest> points, int blocks, ModbusSlave server,
                                  SimulatedMeter meter) throws Exception {
        try (Connection c = driver().connect(uri(port, gap))) {
            long before = server.requests();
            List<RawValue> values = c.read(points);
            boolean right = true;
            for (int i = 0; i < points.size(); i++) {
                right &= values.get(i).isOk() && ByteBuffer.wrap(values.get(i).data()).getFloat()
                        == meter.value(MODEL.registers().get(i).address());
            }
            if (!right || server.requests() - before != blocks) {
                throw new IllegalStateException("the driver did not read the map in " + blocks + " requests: "
                        + (server.requests() - before) + " requests, " + values);
            }
        }
    }

    private static double ours(int port, int gap, List<PointRequest> points, double seconds) throws Exception {
        try (Connection c = driver().connect(uri(port, gap))) {
            timed(() -> c.read(points), 1.0);
            long[] reads = {0};
            double elapsed = timed(() -> {
                if (!c.read(points).get(0).isOk()) {
                    throw new IllegalStateException("read failed");
                }
                reads[0]++;
            }, seconds);
            return reads[0] * points.size() / elapsed;
        }
    }

    /**
     * Points per second of the gateway's poll cycle without the buffer: the eastron-sdm630
     * profile's plan read over one open connection and, when {@code decode}, each answer decoded,
     * scaled and normalized into readings, as a poller does every interval. Without decoding it is
     * the same plan's bare read: the two differ only by the decoding.
     */
    private static double cycles(int port, int gap, double seconds, boolean decode) throws Exception {
        DeviceProfile profile = new ProfileLibraryImpl(PROFILES).load("eastron-sdm630");
        PollPlan plan = new PollPlan(profile, new GatewayIdentity("bench", "gw"), "meter-1");
        try (Connection c = driver().connect(uri(port, gap))) {
            long[] readings = {0};
            Action one = () -> {
                List<RawValue> raw = c.read(plan.requests());
                if (decode) {
                    ReadResult result = plan.decode(raw, System.currentTimeMillis());
                    if (!result.failures().isEmpty()) {
                        throw new IllegalStateException("the cycle failed: " + result.failures());
                    }
                    readings[0] += result.readings().size();
                } else {
                    readings[0] += raw.size();
                }
            };
            timed(one, 1.0);
            readings[0] = 0;
            double elapsed = timed(one, seconds);
            return readings[0] / elapsed;
        }
    }

    /** Requests per second of raw j2mod transactions, one per block in turn. */
    private static double rawRate(int port, List<Block> blocks, double seconds) throws Exception {
        TCPMasterConnection connection = new TCPMasterConnection(InetAddress.getLoopbackAddress());
        connection.setPort(port);
        connection.setTimeout(2000);
        connection.connect();
        try {
            ModbusTCPTransaction transaction = new ModbusTCPTransaction(connection);
            transaction.setRetries(1);
            int[] next = {0};
            long[] requests = {0};
            Action one = () -> {
                Block b = blocks.get(next[0]++ % blocks.size());
                ReadInputRegistersRequest request = new ReadInputRegistersRequest(b.start(), b.count());
                request.setUnitID(1);
                transaction.setRequest(request);
                transaction.execute();
                if (((ReadInputRegistersResponse) transaction.getResponse()).getWordCount() != b.count()) {
                    throw new IllegalStateException("short answer");
                }
                requests[0]++;
            };
            timed(one, 1.0);
            requests[0] = 0;
            double elapsed = timed(one, seconds);
            return requests[0] / elapsed;
        } finally {
            connection.close();
        }
    }

    /** Something done over and over. */
    private interface Action {
        void run() throws Exception;
    }

    /** Runs the action until the seconds are up; returns the seconds it took. */
    private static double timed(Action action, double seconds) throws Exception {
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long now;
        do {
            action.run();
            now = System.nanoTime();
        } while (now < end);
        return (now - start) / 1e9;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static URI uri(int port, int gap) {
        return URI.create("modbus-tcp://127.0.0.1:" + port + "?unit=1&timeout=2000&gap=" + gap);
    }

    /** The driver as SCR makes it with no configuration: every attribute at its default. */
    private static Driver driver() throws ReflectiveOperationException {
        Class<?> config = Class.forName("cat.smartregion.gateway.driver.modbus.internal.ModbusDriverConfig");
        Object defaults = Proxy.newProxyInstance(config.getClassLoader(), new Class<?>[] {config},
                (proxy, method, arguments) -> method.getDefaultValue());
        return (Driver) ModbusDriver.class.getConstructor(config).newInstance(defaults);
    }
}
