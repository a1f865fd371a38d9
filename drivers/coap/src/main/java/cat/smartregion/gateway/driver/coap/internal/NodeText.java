package cat.smartregion.gateway.driver.coap.internal;

import com.fasterxml.jackson.databind.JsonNode;

/** A JSON or CBOR value as the text the core decodes: numbers in decimal notation as sent. */
final class NodeText {

    private NodeText() {
    }

    static String of(JsonNode node) {
        if (node.isFloat()) {
            return Float.toString(node.floatValue());
        }
        if (node.isBigDecimal()) {
            return node.decimalValue().toString();
        }
        return node.asText();
    }
}
