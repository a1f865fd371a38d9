package cat.smartregion.gateway.core.internal.device;

import cat.smartregion.gateway.api.driver.Driver;
import cat.smartregion.gateway.driver.modbus.internal.ModbusDriver;
import java.lang.reflect.Proxy;
import java.nio.file.Path;

/** The real peers of the device tests: the Modbus driver with its default configuration, the real profiles. */
final class RealPeers {

    static final Path PROFILES = Path.of("../../device-profiles/profiles");

    private RealPeers() {
    }

    /** The Modbus TCP driver as SCR would make it with no configuration: every attribute at its default. */
    static Driver modbusDriver() throws ReflectiveOperationException {
        Class<?> config = Class.forName("cat.smartregion.gateway.driver.modbus.internal.ModbusDriverConfig");
        Object defaults = Proxy.newProxyInstance(config.getClassLoader(), new Class<?>[] {config},
                (proxy, method, args) -> method.getDefaultValue());
        return (Driver) ModbusDriver.class.getConstructor(config).newInstance(defaults);
    }
}
