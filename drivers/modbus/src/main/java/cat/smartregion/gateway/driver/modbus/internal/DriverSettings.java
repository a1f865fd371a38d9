package cat.smartregion.gateway.driver.modbus.internal;

/**
 * The driver's configuration, validated: defaults for what an endpoint URI does not say.
 *
 * @param defaultTimeoutMs       response timeout of endpoints that give none (1-60000 ms)
 * @param connectTimeoutMs       TCP connect timeout of endpoints that give none (1-60000 ms)
 * @param maxRegistersPerRequest most registers one request reads (1-125); lower it for devices
 *                               that refuse long requests
 * @param maxBitsPerRequest      most coils or discrete inputs one request reads (1-2000)
 * @param gap                    most unread registers or bits a request may bridge between two points
 */
record DriverSettings(int defaultTimeoutMs, int connectTimeoutMs, int maxRegistersPerRequest, int maxBitsPerRequest,
                      int gap) {

    /** 1 s response and 3 s connect timeouts, the protocol's limits, no gap bridged. */
    static final DriverSettings DEFAULTS = new DriverSettings(1000, 3000, 125, 2000, 0);

    DriverSettings {
        Check.range("defaultTimeoutMs", defaultTimeoutMs, 1, Endpoint.MAX_TIMEOUT_MS);
        Check.range("connectTimeoutMs", connectTimeoutMs, 1, Endpoint.MAX_TIMEOUT_MS);
        Check.range("maxRegistersPerRequest", maxRegistersPerRequest, 1, Table.INPUT.protocolLimit());
        Check.range("maxBitsPerRequest", maxBitsPerRequest, 1, Table.COIL.protocolLimit());
        Check.range("gap", gap, 0, Table.INPUT.protocolLimit() - 2);
    }

    static DriverSettings of(ModbusDriverConfig config) {
        try {
            return new DriverSettings(config.defaultTimeoutMs(), config.connectTimeoutMs(), config.maxRegistersPerRequest(),
                    config.maxBitsPerRequest(), config.gap());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Modbus driver setting " + e.getMessage(), e);
        }
    }
}
