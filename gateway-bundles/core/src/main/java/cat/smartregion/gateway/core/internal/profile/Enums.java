package cat.smartregion.gateway.core.internal.profile;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Enum values as profiles write them: lower-case names ({@code float32}) or upper-case ({@code ABCD}). */
final class Enums {

    private Enums() {
    }

    static <E extends Enum<E>> E parse(Class<E> type, String text, Fields fields, Where where, String what) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(text)) {
                return e;
            }
        }
        String expected = Arrays.stream(type.getEnumConstants()).map(Enums::spell).collect(Collectors.joining(", "));
        throw fields.error(where, "unknown " + what + " '" + text + "' (expected one of " + expected + ")");
    }

    private static String spell(Enum<?> e) {
        return e.getDeclaringClass().getSimpleName().equals("DataType") ? e.name().toLowerCase(Locale.ROOT) : e.name();
    }
}
