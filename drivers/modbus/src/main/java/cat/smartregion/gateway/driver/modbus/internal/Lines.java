package cat.smartregion.gateway.driver.modbus.internal;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The lines the driver has open, by line key: the connections of units on one bus or behind one
 * TCP endpoint share one {@link Line}; it closes when the last of them closes.
 */
final class Lines {

    private final Map<String, Line> open = new HashMap<>();
    private final Function<Endpoint, Line> factory;

    Lines(Function<Endpoint, Line> factory) {
        this.factory = factory;
    }

    /**
     * The line of the endpoint, opened.
     *
     * @throws IllegalArgumentException when the line is open with other serial settings
     * @throws IOException when it cannot be opened
     */
    Line acquire(Endpoint endpoint) throws IOException {
        Line line;
        synchronized (this) {
            line = open.computeIfAbsent(endpoint.line(), k -> factory.apply(endpoint));
            line.checkCompatible(endpoint);
            line.requireDelay(endpoint.delayMs());
            line.addUser();
        }
        try {
            line.ensureOpen();
            return line;
        } catch (IOException e) {
            release(line);
            throw e;
        }
    }

    /** One user less; the last one closes the line. */
    synchronized void release(Line line) {
        if (line.removeUser() == 0) {
            open.remove(line.key());
            line.close();
        }
    }

    synchronized int size() {
        return open.size();
    }
}
