package cat.smartregion.gateway.core.internal.profile;

import cat.smartregion.gateway.api.profile.PointSpec;
import java.util.HashMap;
import java.util.Map;

/**
 * Refuses a Modbus profile in which two points read the same register (or coil) of the same table:
 * one of them has a wrong address or length. Bits of one register ({@code holding:100.3}) may share
 * it, with each other and with a point reading the whole register; derived points read nothing.
 */
final class RegisterOverlapCheck {

    private final Map<String, String> owners = new HashMap<>();
    private final Map<String, Where> places = new HashMap<>();

    /** @throws cat.smartregion.gateway.api.profile.ProfileException at the second point of an overlap */
    void add(PointSpec point, Where where) {
        if (point.derived()) {
            return;
        }
        ModbusAddress address = ModbusAddress.parse(point.address()).orElse(null);
        if (address == null || address.bit() >= 0) {
            return;
        }
        for (int register = address.address(); register < address.address() + point.length(); register++) {
            String key = address.table() + ":" + register;
            String owner = owners.putIfAbsent(key, point.name());
            if (owner != null) {
                throw Fields.error(where, "", "point '" + point.name() + "' reads " + key + ", which point '" + owner
                        + "' (line " + places.get(owner).line() + ") reads too: check the address and the type's length");
            }
        }
        places.put(point.name(), where);
    }
}
