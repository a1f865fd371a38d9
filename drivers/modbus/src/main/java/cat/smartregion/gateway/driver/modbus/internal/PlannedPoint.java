package cat.smartregion.gateway.driver.modbus.internal;

import java.util.Objects;

/**
 * A point of one read call: its position in the caller's list, its name and its address.
 *
 * @param index   position in the list the caller asked for
 * @param name    point name
 * @param address where it lives
 */
record PlannedPoint(int index, String name, PointAddress address) {

    PlannedPoint {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
    }
}
