package cat.smartregion.gateway.core.internal.device;

import cat.smartregion.gateway.api.driver.Driver;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The driver services currently registered; safe to change while pollers (and the reader, the probe) pick from it. */
public final class DriverSet {

    private final List<Driver> drivers = new CopyOnWriteArrayList<>();

    public void add(Driver driver) {
        drivers.add(driver);
    }

    public void remove(Driver driver) {
        drivers.remove(driver);
    }

    /** @throws IllegalArgumentException naming the scheme when no driver speaks the endpoint's protocol */
    public Driver pick(URI endpoint) {
        for (Driver driver : drivers) {
            if (driver.supports(endpoint)) {
                return driver;
            }
        }
        throw new IllegalArgumentException("no driver for scheme '" + endpoint.getScheme() + "' of endpoint "
                + endpoint + " (" + drivers.size() + " drivers registered)");
    }
}
