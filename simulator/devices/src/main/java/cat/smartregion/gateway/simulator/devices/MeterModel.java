package cat.smartregion.gateway.simulator.devices;

import java.util.List;

/** The meter models the simulator serves, each with its vendor register map. */
public enum MeterModel {
    /** Eastron SDM630, three-phase energy meter. */
    SDM630("Eastron SDM630", 3, RegisterMap.sdm630()),
    /** Eastron SDM120, single-phase energy meter. */
    SDM120("Eastron SDM120", 1, RegisterMap.sdm120());

    private final String title;
    private final int phases;
    private final RegisterMap map;

    MeterModel(String title, int phases, RegisterMap map) {
        this.title = title;
        this.phases = phases;
        this.map = map;
    }

    /** Vendor and model name. */
    public String title() {
        return title;
    }

    /** Number of phases measured. */
    public int phases() {
        return phases;
    }

    /** The values this model serves, in address order. */
    public List<MeterRegister> registers() {
        return map.registers();
    }

    RegisterMap map() {
        return map;
    }
}
