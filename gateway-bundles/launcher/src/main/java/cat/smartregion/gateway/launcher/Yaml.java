package cat.smartregion.gateway.launcher;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.nio.file.Path;

/** YAML as the configuration folder's files are written: no document marker, empty values left out. */
final class Yaml {

    static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES))
            .setSerializationInclusion(JsonInclude.Include.NON_EMPTY);

    private Yaml() {
    }

    static String text(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write YAML: " + e.getMessage(), e);
        }
    }

    /** The file as a tree to edit, keeping the keys this version does not know. */
    static ObjectNode tree(Path file) throws GatewayFile.ConfigException {
        try {
            if (MAPPER.readTree(file.toFile()) instanceof ObjectNode node) {
                return node;
            }
            throw new GatewayFile.ConfigException(file + ": not a YAML mapping");
        } catch (IOException e) {
            throw new GatewayFile.ConfigException(file + ": " + e.getMessage().lines().findFirst().orElse(""));
        }
    }
}
