package cat.smartregion.gateway.driver.coap.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the CoAP push server (PID {@value CoapPushServer#PID}); without one no port opens. */
@ObjectClassDefinition(name = "CoAP push server", description = "Receives SenML packs that sensors POST or PUT "
        + "over DTLS 1.2 with a pre-shared key: a device with the endpoint coap-push:IDENTITY?keyFile=FILE "
        + "authenticates as IDENTITY with the key in FILE (mode 0600)")
@interface CoapPushServerConfig {

    @AttributeDefinition(description = "Local address to listen on (0.0.0.0: every IPv4 interface, :: every interface)")
    String host() default "0.0.0.0";

    @AttributeDefinition(description = "UDP port of the DTLS endpoint (5684 is CoAP over DTLS; 0 picks a free port)")
    int port() default 5684;

    @AttributeDefinition(description = "Resource path devices POST or PUT their SenML packs to, e.g. senml or push/senml")
    String path() default "senml";

    @AttributeDefinition(description = "Largest SenML pack accepted in bytes, block-wise transfers included (64-1048576); "
            + "larger ones are answered 4.13 with the limit in Size1")
    int maxPayloadBytes() default 8192;
}
