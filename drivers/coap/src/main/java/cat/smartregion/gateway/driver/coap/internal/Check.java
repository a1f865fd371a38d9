package cat.smartregion.gateway.driver.coap.internal;

/** Argument checks with messages that name the setting. */
final class Check {

    private Check() {
    }

    static int range(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be " + min + "-" + max + ", got " + value);
        }
        return (int) value;
    }
}
