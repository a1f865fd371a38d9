package cat.smartregion.gateway.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last line of a benchmark: its name, the ratio of our figure to the raw baseline measured in
 * the same run, and the other figures, as one JSON object.
 */
public final class Summary {

    private final String name;
    private final double ratio;
    private final Map<String, Object> figures = new LinkedHashMap<>();

    public Summary(String name, double ratio) {
        this.name = name;
        this.ratio = ratio;
    }

    /** Adds a figure (a number, a string or a boolean); returns this summary. */
    public Summary put(String key, Object value) {
        figures.put(key, value);
        return this;
    }

    public String toJson() {
        ObjectNode json = new ObjectMapper().createObjectNode().put("benchmark", name);
        json.put("ratio", Math.round(ratio * 1000) / 1000.0);
        figures.forEach((k, v) -> json.set(k, new ObjectMapper().valueToTree(v)));
        return json.toString();
    }
}
