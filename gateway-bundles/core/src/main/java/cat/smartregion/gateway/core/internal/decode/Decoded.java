package cat.smartregion.gateway.core.internal.decode;

import cat.smartregion.gateway.api.Quality;
import cat.smartregion.gateway.api.driver.PointStatus;
import java.util.Objects;

/** What became of one point's raw bytes: a number in the canonical unit, or a failure of that point. */
public sealed interface Decoded {

    /** A finite value in the canonical unit with its quality. */
    record Number(double value, Quality quality) implements Decoded {
        public Number {
            Objects.requireNonNull(quality, "quality");
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("a decoded number must be finite: " + value);
            }
        }
    }

    /** The bytes gave no usable number (wrong length, NaN, infinity). */
    record Failure(PointStatus status, String detail) implements Decoded {
        public Failure {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
