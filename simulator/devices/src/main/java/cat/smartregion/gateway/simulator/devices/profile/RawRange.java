package cat.smartregion.gateway.simulator.devices.profile;

import java.util.Optional;

/** The raw register values of a type that decode to a value inside a point's range. */
record RawRange(double low, double high) {

    /** The raw values of the point, with the scale factor exponent applied; empty when none fits. */
    static Optional<RawRange> of(ProfilePoint point, int exponent) {
        DeviceUnits.Conversion unit = DeviceUnits.of(point.quantity(), point.unit());
        double step = point.scale() * Math.pow(10, exponent);
        double a = (unit.toDevice(point.min()) - point.offset()) / step;
        double b = (unit.toDevice(point.max()) - point.offset()) / step;
        double low = Math.max(Math.min(a, b), RegisterCodec.rawMin(point.type()));
        double high = Math.min(Math.max(a, b), RegisterCodec.rawMax(point.type()));
        if (!RegisterCodec.isFloat(point.type())) {
            low = Math.ceil(low);
            high = Math.floor(high);
        }
        return low <= high ? Optional.of(new RawRange(low, high)) : Optional.empty();
    }

    /** The raw value at the fraction of the range, a whole number for integer types, a float32 for float32. */
    double pick(double fraction, String type) {
        double raw = low + (high - low) * fraction;
        if (type.equals("float32")) {
            return (float) raw;
        }
        return RegisterCodec.isFloat(type) ? raw : Math.max(low, Math.min(high, Math.rint(raw)));
    }
}
