package cat.smartregion.gateway.driver.coap.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the CoAP driver (PID {@value CoapDriver#PID}). */
@ObjectClassDefinition(name = "CoAP driver", description = "Reads CoAP resources by GET or Observe, over UDP or DTLS 1.2 "
        + "with a pre-shared key; endpoints coap://HOST:5683/PATH and "
        + "coaps://HOST:5684/PATH?identity=ID&keyFile=/etc/gateway/keys/ID.psk (key file mode 0600)")
@interface CoapDriverConfig {

    @AttributeDefinition(description = "How long a request waits for its response, retransmissions and "
            + "block-wise transfer included, in milliseconds (100-120000); the profile option timeoutMs overrides it")
    int timeoutMs() default 5000;

    @AttributeDefinition(description = "Grace in milliseconds added to a notification's Max-Age before an observation "
            + "counts as lapsed and is registered again (0-600000); the profile option lapseMs sets the whole lapse instead")
    int observeGraceMs() default 5000;

    @AttributeDefinition(description = "Largest response body in bytes the driver accepts, block-wise transfers "
            + "included (1024-1048576)")
    int maxBodyBytes() default 65536;
}
