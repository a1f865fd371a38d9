package cat.smartregion.gateway.core.internal.decode;

import cat.smartregion.gateway.api.Quality;
import cat.smartregion.gateway.api.Value;
import cat.smartregion.gateway.api.driver.PointStatus;
import java.util.Objects;

/** What became of one point's raw bytes: a value with its quality, or a failure of that point. */
public sealed interface Decoded {

    /** A decoded value and how far it can be trusted. */
    sealed interface Good extends Decoded {
        Value value();

        Quality quality();
    }

    /** A finite number in the canonical unit. */
    record Number(double number, Quality quality) implements Good {
        public Number {
            Objects.requireNonNull(quality, "quality");
            if (!Double.isFinite(number)) {
                throw new IllegalArgumentException("a decoded number must be finite: " + number);
            }
        }

        @Override
        public Value value() {
            return Value.of(number);
        }
    }

    /** A bit: a coil, a discrete input or one bit of a register. */
    record Flag(boolean flag, Quality quality) implements Good {
        public Flag {
            Objects.requireNonNull(quality, "quality");
        }

        @Override
        public Value value() {
            return Value.of(flag);
        }
    }

    /** A text, without its NUL or space padding. */
    record Text(String text, Quality quality) implements Good {
        public Text {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(quality, "quality");
        }

        @Override
        public Value value() {
            return Value.of(text);
        }
    }

    /** The bytes gave no usable value (wrong length, NaN, infinity, a scale factor not implemented). */
    record Failure(PointStatus status, String detail) implements Decoded {
        public Failure {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
