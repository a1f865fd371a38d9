package cat.smartregion.gateway.profiles;

import static org.junit.jupiter.api.Assertions.fail;

import cat.smartregion.gateway.api.profile.PointSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Checks that no two Modbus points of a profile read the same register of the same table (derived points read none). */
final class RegisterOverlap {

    private RegisterOverlap() {
    }

    static void assertNone(String file, List<PointSpec> points) {
        Map<String, String> owner = new HashMap<>();
        for (PointSpec p : points.stream().filter(p -> !p.derived()).toList()) {
            String[] parts = p.address().split(":");
            int first = parts[1].toLowerCase().startsWith("0x")
                    ? Integer.parseInt(parts[1].substring(2), 16) : Integer.parseInt(parts[1]);
            for (int r = first; r < first + p.type().registers(); r++) {
                String previous = owner.putIfAbsent(parts[0] + ":" + r, p.name());
                if (previous != null) {
                    fail(file + ": points " + previous + " and " + p.name() + " both read " + parts[0] + ":" + r);
                }
            }
        }
    }
}
