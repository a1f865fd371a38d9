package cat.smartregion.gateway.driver.modbus.internal;

/** The Modbus exception codes 01-0B, named as the specification names them. */
final class ExceptionCode {

    static final int ILLEGAL_FUNCTION = 0x01;
    static final int ILLEGAL_DATA_ADDRESS = 0x02;
    static final int GATEWAY_PATH_UNAVAILABLE = 0x0A;
    static final int GATEWAY_TARGET_NO_RESPONSE = 0x0B;

    private static final String[] NAMES = {
        "", "illegal function", "illegal data address", "illegal data value", "server device failure",
        "acknowledge", "server device busy", "negative acknowledge", "memory parity error", "",
        "gateway path unavailable", "gateway target device failed to respond"};

    private ExceptionCode() {
    }

    static String describe(int code) {
        return code > 0 && code < NAMES.length && !NAMES[code].isEmpty() ? NAMES[code] : "unknown exception";
    }
}
