package cat.smartregion.gateway.core.internal.probe;

import cat.smartregion.gateway.api.profile.PointSpec;
import java.util.Objects;

/**
 * The raw bytes one numeric point gave, read once and decoded under every hypothesis.
 *
 * @param point  the point as the profile states it
 * @param wire   its bytes in wire order
 * @param factor the two bytes of its scale-factor register; {@code 00 00} (10^0) when it has none
 */
public record Sample(PointSpec point, byte[] wire, byte[] factor) {

    private static final byte[] NO_FACTOR = {0, 0};

    public Sample {
        Objects.requireNonNull(point, "point");
        if (!point.type().numeric()) {
            throw new IllegalArgumentException("point " + point.name() + ": only numbers are probed, not " + point.type());
        }
        wire = wire.clone();
        factor = factor.clone();
    }

    /** A point without scale-factor register. */
    public Sample(PointSpec point, byte[] wire) {
        this(point, wire, NO_FACTOR);
    }

    @Override
    public byte[] wire() {
        return wire.clone();
    }

    @Override
    public byte[] factor() {
        return factor.clone();
    }
}
