package cat.smartregion.gateway.core.internal.profile;

/** Lets tests in other packages read a profile address as a register number. */
public final class ModbusAddressAccess {

    private ModbusAddressAccess() {
    }

    public static int register(String address) {
        return ModbusAddress.parse(address).orElseThrow().address();
    }
}
