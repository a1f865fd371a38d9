package cat.smartregion.gateway.driver.modbus.internal;

import cat.smartregion.gateway.api.driver.Connection;
import cat.smartregion.gateway.api.driver.Driver;
import com.ghgande.j2mod.modbus.net.TCPMasterConnection;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Modbus TCP driver: endpoints {@code modbus-tcp://HOST:PORT?unit=N&timeout=MS}, point
 * addresses {@code input:0x0046}, {@code holding:100}, {@code coil:3}, {@code discrete:0x10}.
 */
@Component(service = Driver.class, property = "scheme=" + TcpEndpoint.SCHEME, configurationPid = ModbusDriver.PID)
@Designate(ocd = ModbusDriverConfig.class)
public final class ModbusDriver implements Driver {

    /** Configuration PID. */
    public static final String PID = "cat.smartregion.gateway.driver.modbus";

    private static final Logger LOG = LoggerFactory.getLogger(ModbusDriver.class);

    private final DriverSettings settings;

    @Activate
    public ModbusDriver(ModbusDriverConfig config) {
        this(DriverSettings.of(config));
        LOG.info("Modbus TCP driver active: {}", settings);
    }

    ModbusDriver(DriverSettings settings) {
        this.settings = settings;
    }

    @Override
    public boolean supports(URI endpoint) {
        return TcpEndpoint.SCHEME.equalsIgnoreCase(endpoint.getScheme());
    }

    @Override
    public Connection connect(URI uri) throws IOException {
        TcpEndpoint endpoint = TcpEndpoint.parse(uri, settings.defaultTimeoutMs());
        TCPMasterConnection socket = new TCPMasterConnection(address(endpoint));
        socket.setPort(endpoint.port());
        socket.setTimeout(endpoint.timeoutMs());
        try {
            socket.connect();
        } catch (Exception e) {
            socket.close();
            throw new IOException("cannot connect to Modbus TCP " + endpoint.hostPort() + ": " + e.getMessage(), e);
        }
        LOG.info("Modbus TCP connected to {}", endpoint);
        return new ModbusTcpConnection(endpoint, settings, socket);
    }

    private static InetAddress address(TcpEndpoint endpoint) throws IOException {
        try {
            return InetAddress.getByName(endpoint.host());
        } catch (IOException e) {
            throw new IOException("cannot resolve Modbus TCP host " + endpoint.hostPort() + ": " + e.getMessage(), e);
        }
    }
}
