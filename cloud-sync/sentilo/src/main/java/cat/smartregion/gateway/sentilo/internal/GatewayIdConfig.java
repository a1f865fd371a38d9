package cat.smartregion.gateway.sentilo.internal;

/**
 * The gateway's id, read from the identity configuration (PID {@code cat.smartregion.gateway.identity},
 * described by the core), to name the components of the device inventory before their first reading.
 */
public @interface GatewayIdConfig {

    String PID = "cat.smartregion.gateway.identity";

    /** Gateway id; empty: learnt from the first reading. */
    String gateway() default "";
}
