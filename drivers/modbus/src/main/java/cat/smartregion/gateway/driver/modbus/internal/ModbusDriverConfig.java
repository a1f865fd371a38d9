package cat.smartregion.gateway.driver.modbus.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the Modbus driver (PID {@value ModbusDriver#PID}). */
@ObjectClassDefinition(name = "Modbus driver", description = "Reads Modbus devices over TCP, RTU, ASCII and RTU over TCP; "
        + "endpoints modbus-tcp://HOST:PORT?unit=N, modbus-rtutcp://HOST:PORT?unit=N, "
        + "modbus-rtu:///dev/ttyUSB0?baud=9600&parity=N&unit=N, modbus-ascii:///dev/ttyUSB0?unit=N")
@interface ModbusDriverConfig {

    @AttributeDefinition(description = "Response timeout in milliseconds for endpoints whose URI gives no timeout parameter (1-60000)")
    int defaultTimeoutMs() default 1000;

    @AttributeDefinition(description = "TCP connect timeout in milliseconds for endpoints whose URI gives no connectTimeout parameter (1-60000)")
    int connectTimeoutMs() default 3000;

    @AttributeDefinition(description = "Most registers one request may read (1-125); lower it for devices that refuse long requests")
    int maxRegistersPerRequest() default 125;

    @AttributeDefinition(description = "Most coils or discrete inputs one request may read (1-2000)")
    int maxBitsPerRequest() default 2000;

    @AttributeDefinition(description = "Most unread registers (or bits) one request may bridge between two points of an "
            + "endpoint whose URI gives no gap parameter (0-123); holes the device refuses are learned and not bridged again")
    int gap() default 0;
}
