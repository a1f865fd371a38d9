package cat.smartregion.gateway.sentilo.internal;

import java.util.Map;

/**
 * Sentilo sensor types and units for sensors no profile maps (readings of devices outside the inventory,
 * points made in code): by point name or quantity. A profile's {@code platform} mapping comes first;
 * the administrator's {@code type.map} and {@code unit.map} override both.
 */
final class BuiltInTypes {

    static final Map<String, String> TYPES = Map.copyOf(UplinkSettings.pairs(new String[] {
        "voltage=voltage", "current=current", "activePower=power", "power=power",
        "apparentPower=apparent_power", "reactivePower=reactive_power", "powerFactor=power_factor",
        "frequency=frequency", "activeEnergy=energy", "energy=energy", "activeEnergyImport=energy",
        "activeEnergyExport=energy", "reactiveEnergy=reactive_energy", "apparentEnergy=energy",
        "temperature=temperature", "humidity=humidity", "relativeHumidity=humidity", "pressure=pressure",
        "noise=noise", "soundLevel=noise", "LAeq=noise", "co2=co2", "no2=no2", "o3=o3", "pm10=pm10",
        "pm25=pm25", "fillingLevel=filling_level", "flow=flow", "volumeFlow=flow", "volume=volume",
        "status=status"
    }));

    static final Map<String, String> UNITS = Map.copyOf(UplinkSettings.pairs(new String[] {
        "voltage=V", "current=A", "activePower=W", "apparentPower=VA", "reactivePower=var", "powerFactor=/",
        "frequency=Hz", "activeEnergy=Wh", "reactiveEnergy=varh", "apparentEnergy=VAh", "temperature=Cel",
        "relativeHumidity=%RH", "pressure=Pa", "soundLevel=dB", "volume=m3", "volumeFlow=m3/s", "ratio=/",
        "massConcentration=kg/m3", "length=m", "speed=m/s", "illuminance=lx", "irradiance=W/m2", "mass=kg",
        "count=count", "gasConcentration=/", "angle=deg", "precipitation=m", "precipitationIntensity=m/s",
        "electricalConductivity=S/m"
    }));

    private BuiltInTypes() {
    }
}
