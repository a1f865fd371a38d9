package cat.smartregion.gateway.core.internal.device;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Who this gateway is (PID {@code cat.smartregion.gateway.identity}). */
@ObjectClassDefinition(name = "Gateway identity", description = "The municipality this gateway serves and its id")
public @interface IdentityConfig {

    String PID = "cat.smartregion.gateway.identity";

    @AttributeDefinition(description = "Tenant: the municipality served, 1-64 of A-Z a-z 0-9 _ - (required)")
    String tenant() default "";

    @AttributeDefinition(description = "Gateway id, unique on the platform, 1-64 of A-Z a-z 0-9 _ - (required)")
    String gateway() default "";
}
