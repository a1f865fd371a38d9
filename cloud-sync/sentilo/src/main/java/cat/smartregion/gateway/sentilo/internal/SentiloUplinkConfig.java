package cat.smartregion.gateway.sentilo.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the Sentilo uplink (PID {@code cat.smartregion.gateway.sentilo}). */
@ObjectClassDefinition(name = "Sentilo uplink",
        description = "Uploads reading batches to a Sentilo platform and registers their sensors in its catalog.")
public @interface SentiloUplinkConfig {

    @AttributeDefinition(name = "URL", description = "Base URL of the Sentilo API, e.g. https://sentilo.example.cat")
    String url() default "http://127.0.0.1:8081";

    @AttributeDefinition(name = "Provider", description = "Provider id the gateway publishes as (A-Z a-z 0-9 _ -)")
    String provider() default "";

    @AttributeDefinition(name = "Token", type = AttributeType.PASSWORD,
            description = "The provider's token, sent in the IDENTITY_KEY header; never logged. Its key is "
                    + "'.token': a private component property, never published as a service property")
    String _token() default "";

    @AttributeDefinition(name = "Component type",
            description = "Sentilo component type of the components (one per device) the gateway registers")
    String component_type() default "generic";

    @AttributeDefinition(name = "Type map",
            description = "quantity=sentiloType pairs: the Sentilo sensor type registered for each reading quantity")
    String[] type_map() default {
        "voltage=voltage", "current=current", "activePower=power", "power=power",
        "apparentPower=apparent_power", "reactivePower=reactive_power", "powerFactor=power_factor",
        "frequency=frequency", "activeEnergy=energy", "energy=energy", "activeEnergyImport=energy",
        "activeEnergyExport=energy", "reactiveEnergy=reactive_energy", "temperature=temperature",
        "humidity=humidity", "relativeHumidity=humidity", "pressure=pressure", "noise=noise", "LAeq=noise",
        "co2=co2", "no2=no2", "o3=o3", "pm10=pm10", "pm25=pm25", "fillingLevel=filling_level",
        "flow=flow", "volume=volume", "status=status"
    };

    @AttributeDefinition(name = "Default type",
            description = "Sentilo sensor type for quantities the type map does not name")
    String default_type() default "other";

    @AttributeDefinition(name = "Timeout (ms)", description = "Connect and request timeout of every HTTP call")
    long timeout_ms() default 10000;

    @AttributeDefinition(name = "CA file",
            description = "PEM file of the CA certificates trusted for an https URL; empty: the JDK trust store")
    String ca_file() default "";
}
