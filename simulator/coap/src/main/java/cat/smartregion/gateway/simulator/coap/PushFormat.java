package cat.smartregion.gateway.simulator.coap;

import java.util.Arrays;

/** How a pushing sensor writes its packs: SenML JSON (content format 110) or SenML CBOR (112). */
public enum PushFormat {
    SENML_JSON("senml-json", 110),
    SENML_CBOR("senml-cbor", 112);

    private final String option;
    private final int contentFormat;

    PushFormat(String option, int contentFormat) {
        this.option = option;
        this.contentFormat = contentFormat;
    }

    public int contentFormat() {
        return contentFormat;
    }

    /** {@code senml-json} or {@code senml-cbor}. */
    public static PushFormat ofOption(String option) {
        return Arrays.stream(values()).filter(f -> f.option.equals(option)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("format must be senml-json or senml-cbor, got " + option));
    }

    @Override
    public String toString() {
        return option;
    }
}
