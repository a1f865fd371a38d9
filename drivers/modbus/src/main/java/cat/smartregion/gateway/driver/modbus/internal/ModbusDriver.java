package cat.smartregion.gateway.driver.modbus.internal;

import cat.smartregion.gateway.api.driver.Connection;
import cat.smartregion.gateway.api.driver.Driver;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Modbus driver: TCP ({@code modbus-tcp://HOST:PORT?unit=N}), RTU over TCP
 * ({@code modbus-rtutcp://HOST:PORT?unit=N}), RTU and ASCII on serial lines
 * ({@code modbus-rtu:///dev/ttyUSB0?baud=9600&parity=N&unit=N}, {@code modbus-ascii:///dev/...}).
 * Connections to units on the same line share it ({@link Lines}); what a unit refused is kept
 * per line and unit ({@link Holes}) across reconnections.
 */
@Component(service = Driver.class, configurationPid = ModbusDriver.PID,
        property = {"scheme=modbus-tcp", "scheme=modbus-rtutcp", "scheme=modbus-rtu", "scheme=modbus-ascii"})
@Designate(ocd = ModbusDriverConfig.class)
public final class ModbusDriver implements Driver {

    /** Configuration PID. */
    public static final String PID = "cat.smartregion.gateway.driver.modbus";

    private static final Logger LOG = LoggerFactory.getLogger(ModbusDriver.class);

    private final DriverSettings settings;
    private final Lines lines = new Lines(Line::new);
    private final Map<String, Holes> holes = new ConcurrentHashMap<>();

    @Activate
    public ModbusDriver(ModbusDriverConfig config) {
        this(DriverSettings.of(config));
        LOG.info("Modbus driver active: {}", settings);
    }

    ModbusDriver(DriverSettings settings) {
        this.settings = settings;
    }

    @Override
    public boolean supports(URI endpoint) {
        return Framing.ofScheme(endpoint.getScheme()).isPresent();
    }

    @Override
    public Connection connect(URI uri) throws IOException {
        Endpoint endpoint = Endpoint.parse(uri, settings);
        Line line = lines.acquire(endpoint);
        Holes learned = holes.computeIfAbsent(endpoint.line() + " unit " + endpoint.unit(), k -> new Holes());
        LOG.debug("Modbus connection to {}", endpoint);
        return new UnitConnection(endpoint, line, learned, settings.maxBitsPerRequest(), () -> lines.release(line));
    }

    /** A connection whose profile may be SunSpec ({@link SunSpecChain}): its options say the model and where the profile assumes it. */
    @Override
    public Connection connect(URI uri, Map<String, String> options) throws IOException {
        Optional<int[]> sunspec = SunSpecChain.options(options);
        Connection unit = connect(uri);
        return sunspec.<Connection>map(s -> new SunSpecChain(unit, s[0], s[1])).orElse(unit);
    }

    /** Lines open now, for tests. */
    int openLines() {
        return lines.size();
    }

    @Deactivate
    void deactivate() {
        LOG.info("Modbus driver stopped");
    }
}
