package cat.smartregion.gateway.core.internal.profile;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** A parsed YAML node that remembers where it was written, so every error can name its line and column. */
sealed interface YamlNode {

    Where where();

    /** What a node is called in error messages. */
    String kind();

    /** A scalar: its source text, and its number when it is one. */
    record Scalar(Type type, String text, double number, Where where) implements YamlNode {

        enum Type { TEXT, NUMBER, BOOLEAN, NULL }

        public Scalar {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(where, "where");
        }

        @Override
        public String kind() {
            return type == Type.NULL ? "nothing" : "a " + type.name().toLowerCase(Locale.ROOT);
        }
    }

    /** A mapping in source order; each entry also knows where its key is. */
    record Mapping(Map<String, Entry> entries, Where where) implements YamlNode {

        public Mapping {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
            Objects.requireNonNull(where, "where");
        }

        @Override
        public String kind() {
            return "a mapping";
        }
    }

    /** One key of a mapping and its value. */
    record Entry(Where keyWhere, YamlNode value) {
    }

    /** A sequence. */
    record Sequence(List<YamlNode> items, Where where) implements YamlNode {

        public Sequence {
            items = List.copyOf(items);
            Objects.requireNonNull(where, "where");
        }

        @Override
        public String kind() {
            return "a list";
        }
    }
}
