package cat.smartregion.gateway.driver.modbus.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the Modbus TCP driver (PID {@value ModbusDriver#PID}). */
@ObjectClassDefinition(name = "Modbus TCP driver", description = "Reads Modbus TCP devices; endpoints modbus-tcp://HOST:PORT?unit=N&timeout=MS")
@interface ModbusDriverConfig {

    @AttributeDefinition(description = "Response timeout in milliseconds for endpoints whose URI gives no timeout parameter (1-60000)")
    int defaultTimeoutMs() default 1000;

    @AttributeDefinition(description = "Most registers one request may read (1-125); lower it for devices that refuse long requests")
    int maxRegistersPerRequest() default 125;

    @AttributeDefinition(description = "Most coils or discrete inputs one request may read (1-2000)")
    int maxBitsPerRequest() default 2000;
}
