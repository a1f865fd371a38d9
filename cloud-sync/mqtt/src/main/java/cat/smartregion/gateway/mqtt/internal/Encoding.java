package cat.smartregion.gateway.mqtt.internal;

import java.util.Arrays;

/** Payload encodings of the readings: a SenML pack (RFC 8428) in JSON or CBOR. */
public enum Encoding {
    SENML_JSON("senml-json", "application/senml+json"),
    SENML_CBOR("senml-cbor", "application/senml+cbor");

    private final String label;
    private final String contentType;

    Encoding(String label, String contentType) {
        this.label = label;
        this.contentType = contentType;
    }

    /** The configuration value and the {@code encoding} user property, e.g. {@code senml-json}. */
    public String label() {
        return label;
    }

    /** The MQTT v5 content type of the uncompressed payload. */
    public String contentType() {
        return contentType;
    }

    static Encoding of(String label) {
        return Arrays.stream(values()).filter(e -> e.label.equals(label.trim())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("encoding must be senml-json or senml-cbor, got '" + label + "'"));
    }
}
