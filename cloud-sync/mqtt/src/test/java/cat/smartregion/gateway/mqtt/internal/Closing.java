package cat.smartregion.gateway.mqtt.internal;

import java.util.function.Consumer;

/** Something closed at the end of a try-with-resources block by the given action. */
record Closing<T>(T it, Consumer<T> closer) implements AutoCloseable {

    @Override
    public void close() {
        closer.accept(it);
    }
}
