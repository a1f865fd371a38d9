package cat.smartregion.gateway.core.internal.profile;

import cat.smartregion.gateway.api.profile.ProfileException;
import cat.smartregion.gateway.core.internal.profile.YamlNode.Mapping;
import cat.smartregion.gateway.core.internal.profile.YamlNode.Scalar;
import cat.smartregion.gateway.core.internal.profile.YamlNode.Sequence;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The keys of one YAML mapping, read with checks: unknown keys, missing keys and wrong kinds of
 * value are errors naming {@code file:line:column} and the context (e.g. {@code point 'frequency'}).
 */
final class Fields {

    private final Mapping mapping;
    private final String context;

    private Fields(Mapping mapping, String context) {
        this.mapping = mapping;
        this.context = context;
    }

    /** @throws ProfileException when the node is not a mapping or has a key outside {@code allowed} */
    static Fields of(YamlNode node, String context, List<String> allowed) {
        if (!(node instanceof Mapping mapping)) {
            throw error(node.where(), context, "expected a mapping, found " + node.kind());
        }
        Set<String> known = Set.copyOf(allowed);
        mapping.entries().forEach((key, entry) -> {
            if (!known.contains(key)) {
                throw error(entry.keyWhere(), context, "unknown key '" + key + "' (expected one of "
                        + String.join(", ", allowed) + ")");
            }
        });
        return new Fields(mapping, context);
    }

    /** The mapping without the key check, e.g. to read a point's name before naming it in errors. */
    static Fields unchecked(YamlNode node, String context) {
        if (!(node instanceof Mapping mapping)) {
            throw error(node.where(), context, "expected a mapping, found " + node.kind());
        }
        return new Fields(mapping, context);
    }

    static ProfileException error(Where where, String context, String message) {
        return new ProfileException(where + ": " + (context.isEmpty() ? "" : context + ": ") + message);
    }

    ProfileException error(Where where, String message) {
        return error(where, context, message);
    }

    Where where() {
        return mapping.where();
    }

    Optional<YamlNode> node(String key) {
        YamlNode.Entry entry = mapping.entries().get(key);
        return entry == null ? Optional.empty() : Optional.of(entry.value());
    }

    YamlNode required(String key) {
        return node(key).orElseThrow(() -> error(mapping.where(), "missing '" + key + "'"));
    }

    /** A required, non-empty text. Numbers are accepted as their source text. */
    String text(String key) {
        return text(key, required(key));
    }

    Optional<String> optionalText(String key) {
        return node(key).map(n -> text(key, n));
    }

    Optional<Double> optionalNumber(String key) {
        return node(key).map(n -> number(key, n));
    }

    /** A {@code true}/{@code false} value, {@code false} when absent. */
    boolean flag(String key) {
        return node(key).map(n -> {
            if (n instanceof Scalar s && s.type() == Scalar.Type.BOOLEAN) {
                return Boolean.parseBoolean(s.text());
            }
            throw error(n.where(), "'" + key + "' must be true or false, found " + describe(n));
        }).orElse(false);
    }

    Optional<Sequence> optionalList(String key) {
        return node(key).map(n -> {
            if (n instanceof Sequence s) {
                return s;
            }
            throw error(n.where(), "'" + key + "' must be a list, found " + n.kind());
        });
    }

    double number(String key, YamlNode node) {
        if (node instanceof Scalar s && s.type() == Scalar.Type.NUMBER && Double.isFinite(s.number())) {
            return s.number();
        }
        throw error(node.where(), "'" + key + "' must be a number, found " + describe(node));
    }

    private String text(String key, YamlNode node) {
        if (node instanceof Scalar s && (s.type() == Scalar.Type.TEXT || s.type() == Scalar.Type.NUMBER)
                && !s.text().isBlank()) {
            return s.text().strip();
        }
        throw error(node.where(), "'" + key + "' must be a non-empty text, found " + describe(node));
    }

    private static String describe(YamlNode node) {
        return node instanceof Scalar s && s.type() != Scalar.Type.NULL ? "'" + s.text() + "'" : node.kind();
    }
}
