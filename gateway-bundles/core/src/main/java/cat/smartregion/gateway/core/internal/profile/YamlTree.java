package cat.smartregion.gateway.core.internal.profile;

import cat.smartregion.gateway.api.profile.ProfileException;
import cat.smartregion.gateway.core.internal.profile.YamlNode.Scalar;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads one YAML document into {@link YamlNode}s with their locations, using Jackson's streaming YAML parser. */
final class YamlTree {

    private static final YAMLFactory FACTORY = new YAMLFactory();

    private YamlTree() {
    }

    /** @throws ProfileException naming {@code file:line:column} on a syntax error */
    static YamlNode parse(String file, InputStream in) {
        try (JsonParser parser = FACTORY.createParser(in)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new ProfileException(new Where(file, 1, 1) + ": the file is empty");
            }
            YamlNode root = read(file, parser, first);
            if (parser.nextToken() != null) {
                throw new ProfileException(here(file, parser) + ": one profile per file, found a second document");
            }
            return root;
        } catch (JsonProcessingException e) {
            String message = e.getOriginalMessage().replaceAll("\\s*\\R\\s*", " ");
            throw new ProfileException(Where.of(file, e.getLocation()) + ": " + message, e);
        } catch (IOException e) {
            throw new ProfileException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static YamlNode read(String file, JsonParser parser, JsonToken token) throws IOException {
        Where where = here(file, parser);
        return switch (token) {
            case START_OBJECT -> readMapping(file, parser, where);
            case START_ARRAY -> readSequence(file, parser, where);
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT ->
                    new Scalar(Scalar.Type.NUMBER, parser.getText(), parser.getDoubleValue(), where);
            case VALUE_TRUE, VALUE_FALSE -> new Scalar(Scalar.Type.BOOLEAN, parser.getText(), Double.NaN, where);
            case VALUE_NULL -> new Scalar(Scalar.Type.NULL, "", Double.NaN, where);
            default -> new Scalar(Scalar.Type.TEXT, parser.getText(), Double.NaN, where);
        };
    }

    private static YamlNode readMapping(String file, JsonParser parser, Where where) throws IOException {
        Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
            String key = parser.currentName();
            Where keyWhere = here(file, parser);
            YamlNode value = read(file, parser, parser.nextToken());
            YamlNode.Entry previous = entries.put(key, new YamlNode.Entry(keyWhere, value));
            if (previous != null) {
                throw new ProfileException(keyWhere + ": key '" + key + "' given twice (first at line "
                        + previous.keyWhere().line() + ")");
            }
        }
        return new YamlNode.Mapping(entries, where);
    }

    private static YamlNode readSequence(String file, JsonParser parser, Where where) throws IOException {
        List<YamlNode> items = new ArrayList<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
            items.add(read(file, parser, t));
        }
        return new YamlNode.Sequence(items, where);
    }

    private static Where here(String file, JsonParser parser) {
        return Where.of(file, parser.currentTokenLocation());
    }
}
