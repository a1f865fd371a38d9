package cat.smartregion.gateway.core.internal.profile;

import cat.smartregion.gateway.api.profile.DataType;
import java.util.Locale;

/**
 * Whether a point's Modbus address can hold its type: coils and discrete inputs hold bits only, a
 * bit number after the address picks one bit of a register for {@code bit} points only, and the
 * registers must stay within the address space. Scale-factor addresses are whole registers.
 */
final class ShapeCheck {

    private ShapeCheck() {
    }

    static void address(Fields fields, String address, DataType type, int length) {
        Where where = fields.required("address").where();
        ModbusAddress parsed = ModbusAddress.parse(address).orElseThrow(() -> fields.error(where,
                "address '" + address + "' must be input:<register>, holding:<register>, coil:<n> or discrete:<n>, "
                        + "0-based, decimal or 0x hex up to 0xFFFF, with .<bit> 0-15 for one bit of a register"));
        if (parsed.bitTable() && type != DataType.BIT) {
            throw fields.error(where, "address '" + address + "' holds single bits: the type must be bit");
        }
        if (parsed.bit() >= 0 && type != DataType.BIT) {
            throw fields.error(where, "address '" + address + "' names one bit: the type must be bit");
        }
        if (!parsed.fits(length)) {
            throw fields.error(where, "address '" + address + "' cannot hold " + type.name().toLowerCase(Locale.ROOT)
                    + " (" + length + " registers): it runs past register 0xFFFF");
        }
    }

    static String scaleFactor(Fields fields, String protocol) {
        return fields.optionalText("scaleFactor").map(sf -> {
            boolean register = ModbusAddress.parse(sf).filter(a -> !a.bitTable() && a.bit() < 0).isPresent();
            if ("modbus".equals(protocol) && !register) {
                throw fields.error(fields.required("scaleFactor").where(), "scaleFactor '" + sf
                        + "' must be the address of an int16 register, e.g. holding:40084");
            }
            return sf;
        }).orElse("");
    }
}
