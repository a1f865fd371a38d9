package cat.smartregion.gateway.sentilo.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration of the Sentilo uplink and of its alarm publisher (PID {@code cat.smartregion.gateway.sentilo}).
 * The OCD names its PID itself: {@code @Designate} cannot, as the uplink has two configuration PIDs.
 */
@ObjectClassDefinition(name = "Sentilo uplink", pid = SentiloUplink.PID,
        description = "Uploads reading batches to a Sentilo platform, registers the gateway's sensors in its catalog "
                + "and publishes gateway alarms to its alerts.")
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
            description = "name=sentiloType pairs, the platform administrator's override: the Sentilo sensor type of a "
                    + "point, looked up by point name first, then by quantity, before the profile's platform mapping; "
                    + "empty: the profiles decide (and a built-in table for sensors no profile maps)")
    String[] type_map() default {};

    @AttributeDefinition(name = "Default type",
            description = "Sentilo sensor type of points neither the type map, a profile nor the built-in table name")
    String default_type() default "other";

    @AttributeDefinition(name = "Unit map",
            description = "quantity=unit pairs, the platform administrator's override of the unit registered for the "
                    + "sensors of a quantity, before the profile's platform mapping; empty: the profiles decide")
    String[] unit_map() default {};

    @AttributeDefinition(name = "Readings per request",
            description = "Most observations in one PUT /data request; one batch may take several requests")
    int request_readings() default 100;

    @AttributeDefinition(name = "Bytes per request",
            description = "Most bytes of one PUT /data body (a single larger observation is still sent alone)")
    int request_bytes() default 65536;

    @AttributeDefinition(name = "Retry after refused credentials (ms)",
            description = "After a 401 or 403 the uplink sends nothing for this long, then tries once again")
    long auth_retry_ms() default 600000;

    @AttributeDefinition(name = "Alarm alerts",
            description = "alarmKeyPrefix=alertId pairs: gateway alarms whose key starts with the prefix (longest "
                    + "wins; '*' matches all) are published with PUT /alarm/{alertId}; empty: none are published")
    String[] alarm_alerts() default {};

    @AttributeDefinition(name = "Timeout (ms)", description = "Connect and request timeout of every HTTP call")
    long timeout_ms() default 10000;

    @AttributeDefinition(name = "CA file",
            description = "PEM file of the CA certificates trusted for an https URL; empty: the JDK trust store. "
                    + "Certificates and host names are always verified")
    String ca_file() default "";
}
