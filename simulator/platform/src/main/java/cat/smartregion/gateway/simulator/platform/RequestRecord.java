package cat.smartregion.gateway.simulator.platform;

import java.util.Objects;

/**
 * One request the stand-in answered, for tests that check order and count of calls.
 *
 * @param method   HTTP method
 * @param path     request path, e.g. {@code /data/prov}
 * @param status   HTTP status answered
 * @param received arrival time, UTC ms
 */
public record RequestRecord(String method, String path, int status, long received) {

    public RequestRecord {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
    }

    /** Whether this is a request to a resource, e.g. {@code is("PUT", "/data/")}. */
    public boolean is(String expectedMethod, String pathPrefix) {
        return method.equals(expectedMethod) && path.startsWith(pathPrefix);
    }
}
