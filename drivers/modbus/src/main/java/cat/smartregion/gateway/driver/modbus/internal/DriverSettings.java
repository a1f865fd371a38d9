package cat.smartregion.gateway.driver.modbus.internal;

/**
 * The driver's configuration, validated.
 *
 * @param defaultTimeoutMs       response timeout of endpoints that give none (1-60000 ms)
 * @param maxRegistersPerRequest most registers one request reads (1-125); lower it for devices
 *                               that refuse long requests
 * @param maxBitsPerRequest      most coils or discrete inputs one request reads (1-2000)
 */
record DriverSettings(int defaultTimeoutMs, int maxRegistersPerRequest, int maxBitsPerRequest) {

    /** 1 s timeout, the protocol's limits. */
    static final DriverSettings DEFAULTS = new DriverSettings(1000, 125, 2000);

    DriverSettings {
        check("defaultTimeoutMs", defaultTimeoutMs, TcpEndpoint.MAX_TIMEOUT_MS);
        check("maxRegistersPerRequest", maxRegistersPerRequest, Table.INPUT.protocolLimit());
        check("maxBitsPerRequest", maxBitsPerRequest, Table.COIL.protocolLimit());
    }

    static DriverSettings of(ModbusDriverConfig config) {
        return new DriverSettings(config.defaultTimeoutMs(), config.maxRegistersPerRequest(), config.maxBitsPerRequest());
    }

    private static void check(String name, int value, int max) {
        if (value < 1 || value > max) {
            throw new IllegalArgumentException("Modbus driver setting " + name + " = " + value + " outside 1-" + max);
        }
    }
}
