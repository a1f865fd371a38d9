package cat.smartregion.gateway.api;

import java.math.BigDecimal;
import java.util.Objects;

/** A reading's value: a number, a boolean or a text. */
public sealed interface Value {

    /** The value as the platforms write it ({@code "230.1"}, {@code "true"}, text as is). */
    String text();

    static Value of(double number) {
        return new Number(number);
    }

    static Value of(boolean flag) {
        return new Bool(flag);
    }

    static Value of(String text) {
        return new Text(text);
    }

    record Number(double value) implements Value {
        public Number {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("a number value must be finite: " + value);
            }
        }

        /** Plain decimal, shortest form that reads back to the same double: {@code 42060973}, {@code 0.000012}. */
        @Override
        public String text() {
            return value == 0 ? "0" : new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
        }
    }

    record Bool(boolean value) implements Value {
        @Override
        public String text() {
            return Boolean.toString(value);
        }
    }

    record Text(String value) implements Value {
        public Text {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String text() {
            return value;
        }
    }
}
