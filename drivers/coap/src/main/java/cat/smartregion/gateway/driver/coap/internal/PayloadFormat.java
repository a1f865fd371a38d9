package cat.smartregion.gateway.driver.coap.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a resource writes its values, with its CoAP content format number (RFC 7252, RFC 8428). */
enum PayloadFormat {
    TEXT("text", 0),
    JSON("json", 50),
    SENML_JSON("senml-json", 110),
    SENML_CBOR("senml-cbor", 112);

    private final String option;
    private final int contentFormat;

    PayloadFormat(String option, int contentFormat) {
        this.option = option;
        this.contentFormat = contentFormat;
    }

    /** The format a profile's {@code format} option names. */
    static PayloadFormat ofOption(String value) {
        String wanted = value.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.option.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("format '" + value
                        + "' is not one of text, json, senml-json, senml-cbor"));
    }

    /** The format of a response's content format number, if it is one of ours. */
    static Optional<PayloadFormat> ofContentFormat(int contentFormat) {
        return Arrays.stream(values()).filter(f -> f.contentFormat == contentFormat).findFirst();
    }

    int contentFormat() {
        return contentFormat;
    }

    @Override
    public String toString() {
        return option;
    }
}
