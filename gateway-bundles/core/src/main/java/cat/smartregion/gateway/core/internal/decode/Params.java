package cat.smartregion.gateway.core.internal.decode;

import cat.smartregion.gateway.api.profile.ProfileException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A device's parameters as texts, read as positive numbers with errors naming the device and the parameter. */
final class Params {

    private static final String NUMBER = "[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?";

    private final String device;
    private final Map<String, String> values;

    Params(String device, Map<String, String> values) {
        this.device = device;
        this.values = Map.copyOf(values);
    }

    Set<String> keys() {
        return values.keySet();
    }

    Optional<String> text(String key) {
        return Optional.ofNullable(values.get(key)).map(String::strip);
    }

    /** A positive finite number, when given. */
    Optional<Double> number(String key) {
        return text(key).map(text -> {
            double value = text.matches(NUMBER) ? Double.parseDouble(text) : Double.NaN;
            if (!(value > 0) || !Double.isFinite(value)) {
                throw error(key, "'" + text + "' is not a positive number");
            }
            return value;
        });
    }

    ProfileException error(String key, String message) {
        return new ProfileException("device " + device + ": parameter '" + key + "': " + message);
    }
}
