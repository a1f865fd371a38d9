package cat.smartregion.gateway.mqtt.internal;

import java.util.Objects;

/**
 * The gateway's topics: {@code {prefix}/{tenant}/{gateway}/readings}, {@code /status} and {@code /inventory}.
 *
 * @param prefix  first topic level
 * @param tenant  tenant level
 * @param gateway gateway level
 */
public record Topics(String prefix, String tenant, String gateway) {

    public Topics {
        requireSegment("topic.prefix", prefix);
        requireSegment("tenant", tenant);
        requireSegment("gateway", gateway);
    }

    public String readings() {
        return base() + "/readings";
    }

    public String status() {
        return base() + "/status";
    }

    public String inventory() {
        return base() + "/inventory";
    }

    private String base() {
        return prefix + "/" + tenant + "/" + gateway;
    }

    /**
     * Checks one topic level taken from the configuration: not empty, no wildcard ({@code +}, {@code #}),
     * no level separator ({@code /}), no NUL.
     *
     * @throws IllegalArgumentException naming the attribute
     */
    static void requireSegment(String attribute, String value) {
        Objects.requireNonNull(value, attribute);
        if (value.isEmpty()) {
            throw new IllegalArgumentException(attribute + " must not be empty: it is a topic level");
        }
        for (char c : new char[] {'+', '#', '/', '\0'}) {
            if (value.indexOf(c) >= 0) {
                throw new IllegalArgumentException(attribute + " '" + value.replace('\0', '?')
                        + "' must not contain '+', '#', '/' or NUL: it is a single topic level");
            }
        }
    }
}
