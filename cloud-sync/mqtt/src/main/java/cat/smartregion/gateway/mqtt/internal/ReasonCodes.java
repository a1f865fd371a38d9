package cat.smartregion.gateway.mqtt.internal;

import java.util.Map;

/** Names of the MQTT v5 reason codes a broker answers CONNECT and PUBLISH with (MQTT 5.0, 2.4). */
final class ReasonCodes {

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(0x80, "Unspecified error"), Map.entry(0x81, "Malformed Packet"),
            Map.entry(0x82, "Protocol Error"), Map.entry(0x83, "Implementation specific error"),
            Map.entry(0x84, "Unsupported Protocol Version"), Map.entry(0x85, "Client Identifier not valid"),
            Map.entry(0x86, "Bad User Name or Password"), Map.entry(0x87, "Not authorized"),
            Map.entry(0x88, "Server unavailable"), Map.entry(0x89, "Server busy"), Map.entry(0x8A, "Banned"),
            Map.entry(0x8C, "Bad authentication method"), Map.entry(0x90, "Topic Name invalid"),
            Map.entry(0x91, "Packet Identifier in use"), Map.entry(0x95, "Packet too large"),
            Map.entry(0x97, "Quota exceeded"), Map.entry(0x99, "Payload format invalid"),
            Map.entry(0x9A, "Retain not supported"), Map.entry(0x9B, "QoS not supported"),
            Map.entry(0x9F, "Connection rate exceeded"));

    private ReasonCodes() {
    }

    /** E.g. {@code 0x87 Not authorized}. */
    static String describe(int code) {
        return String.format("0x%02X %s", code, NAMES.getOrDefault(code, "error"));
    }

    /** A refusal a person must look into: credentials, certificate identity or rights. */
    static boolean needsPerson(int code) {
        return code == 0x85 || code == 0x86 || code == 0x87 || code == 0x8A || code == 0x8C;
    }

    static boolean isError(int code) {
        return code >= 0x80 && code <= 0xFF;
    }
}
