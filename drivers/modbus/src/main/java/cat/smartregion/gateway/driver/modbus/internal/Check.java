package cat.smartregion.gateway.driver.modbus.internal;

/** Range checks with messages that name the setting. */
final class Check {

    private Check() {
    }

    /** @throws IllegalArgumentException {@code "<name> <value> outside <min>-<max>"} */
    static int range(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " " + value + " outside " + min + "-" + max);
        }
        return value;
    }
}
