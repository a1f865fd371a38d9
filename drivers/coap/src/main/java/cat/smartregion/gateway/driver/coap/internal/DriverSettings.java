package cat.smartregion.gateway.driver.coap.internal;

/**
 * The driver's configuration, validated.
 *
 * @param timeoutMs      how long a request waits for its response (100-120000 ms)
 * @param observeGraceMs added to a notification's Max-Age before the observation counts as lapsed (0-600000 ms)
 * @param maxBodyBytes   largest response body accepted, block-wise included (1024-1048576)
 */
record DriverSettings(int timeoutMs, int observeGraceMs, int maxBodyBytes) {

    static final DriverSettings DEFAULTS = new DriverSettings(5000, 5000, 65536);

    DriverSettings {
        Check.range("timeoutMs", timeoutMs, 100, 120_000);
        Check.range("observeGraceMs", observeGraceMs, 0, 600_000);
        Check.range("maxBodyBytes", maxBodyBytes, 1024, 1_048_576);
    }

    static DriverSettings of(CoapDriverConfig config) {
        try {
            return new DriverSettings(config.timeoutMs(), config.observeGraceMs(), config.maxBodyBytes());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("CoAP driver setting " + e.getMessage(), e);
        }
    }
}
