package cat.smartregion.gateway.driver.serial.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the serial driver (PID {@value SerialDriver#PID}). */
@ObjectClassDefinition(name = "Serial driver", description = "Reads devices speaking line or binary frame protocols "
        + "on serial lines, described by their profile's options; endpoints serial:///dev/ttyUSB0?baud=9600&parity=N&data=8&stop=1&timeout=2000")
@interface SerialDriverConfig {

    @AttributeDefinition(description = "How long a read waits for a frame, in milliseconds, for endpoints whose URI "
            + "gives no timeout parameter (1-60000); for pushing devices, longer than their sending period")
    int defaultTimeoutMs() default 2000;
}
