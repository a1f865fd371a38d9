package cat.smartregion.gateway.simulator.devices;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/** A meter model's input registers: which value of the electrical state each address serves. */
final class RegisterMap {

    private final SortedMap<Integer, MeterRegister> registers = new TreeMap<>();
    private final Map<Integer, ToDoubleFunction<ElectricalState>> readings = new LinkedHashMap<>();

    private RegisterMap() {
    }

    /** Eastron SDM630 three-phase meter, input registers (function 04). */
    static RegisterMap sdm630() {
        RegisterMap map = new RegisterMap();
        for (int p = 0; p < 3; p++) {
            int phase = p;
            String n = "L" + (p + 1);
            map.define(0x0000 + 2 * p, n + " voltage", "V", s -> s.phase(phase).volts());
            map.define(0x0006 + 2 * p, n + " current", "A", s -> s.phase(phase).amps());
            map.define(0x000C + 2 * p, n + " active power", "W", s -> s.phase(phase).watts());
            map.define(0x0012 + 2 * p, n + " apparent power", "VA", s -> s.phase(phase).voltAmps());
            map.define(0x0018 + 2 * p, n + " reactive power", "var", s -> s.phase(phase).vars());
            map.define(0x001E + 2 * p, n + " power factor", "-", s -> s.phase(phase).powerFactor());
        }
        map.define(0x002A, "average line to neutral voltage", "V", ElectricalState::averageVolts);
        map.define(0x002E, "average line current", "A", ElectricalState::averageAmps);
        map.define(0x0030, "sum of line currents", "A", ElectricalState::sumAmps);
        map.defineTotals();
        map.define(0x00C8, "L1-L2 voltage", "V", s -> s.lineToLineVolts(0, 1));
        map.define(0x00CA, "L2-L3 voltage", "V", s -> s.lineToLineVolts(1, 2));
        map.define(0x00CC, "L3-L1 voltage", "V", s -> s.lineToLineVolts(2, 0));
        map.define(0x00E0, "neutral current", "A", ElectricalState::neutralAmps);
        map.define(0x0156, "total active energy", "kWh", ElectricalState::totalKwh);
        return map;
    }

    /** Eastron SDM120 single-phase meter, input registers (function 04). */
    static RegisterMap sdm120() {
        RegisterMap map = new RegisterMap();
        map.define(0x0000, "voltage", "V", s -> s.phase(0).volts());
        map.define(0x0006, "current", "A", s -> s.phase(0).amps());
        map.define(0x000C, "active power", "W", s -> s.phase(0).watts());
        map.define(0x0012, "apparent power", "VA", s -> s.phase(0).voltAmps());
        map.define(0x0018, "reactive power", "var", s -> s.phase(0).vars());
        map.define(0x001E, "power factor", "-", s -> s.phase(0).powerFactor());
        map.define(0x0046, "frequency", "Hz", ElectricalState::hertz);
        map.define(0x0048, "import active energy", "kWh", ElectricalState::importKwh);
        map.define(0x004A, "export active energy", "kWh", ElectricalState::exportKwh);
        map.define(0x0156, "total active energy", "kWh", ElectricalState::totalKwh);
        return map;
    }

    private void defineTotals() {
        define(0x0034, "total active power", "W", ElectricalState::totalWatts);
        define(0x0038, "total apparent power", "VA", ElectricalState::totalVoltAmps);
        define(0x003C, "total reactive power", "var", ElectricalState::totalVars);
        define(0x003E, "total power factor", "-", ElectricalState::totalPowerFactor);
        define(0x0046, "frequency", "Hz", ElectricalState::hertz);
        define(0x0048, "import active energy", "kWh", ElectricalState::importKwh);
        define(0x004A, "export active energy", "kWh", ElectricalState::exportKwh);
    }

    private void define(int address, String name, String unit, ToDoubleFunction<ElectricalState> reading) {
        if (registers.put(address, new MeterRegister(address, name, unit)) != null) {
            throw new IllegalStateException("register defined twice: " + address);
        }
        readings.put(address, reading);
    }

    List<MeterRegister> registers() {
        return List.copyOf(registers.values());
    }

    /** The float32 values of a state, keyed by register address. */
    SortedMap<Integer, Float> values(ElectricalState state) {
        SortedMap<Integer, Float> values = new TreeMap<>();
        readings.forEach((address, reading) -> values.put(address, (float) reading.applyAsDouble(state)));
        return Collections.unmodifiableSortedMap(values);
    }
}
