package cat.smartregion.gateway.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cat.smartregion.gateway.api.device.DeviceConfig;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeviceFilesTest {

    @Test
    void writesTheDeviceAsYamlWithQuotedStrings() throws Exception {
        DeviceConfig d = new DeviceConfig("meter-1", "eastron-sdm630", URI.create("modbus-tcp://10.0.0.5:502?unit=1"),
                Duration.ofMillis(1500));
        assertEquals("id: \"meter-1\"\nprofile: \"eastron-sdm630\"\nendpoint: \"modbus-tcp://10.0.0.5:502?unit=1\"\n"
                + "interval: 1500ms\n", DeviceFiles.yaml(d));
    }

    @Test
    void theFormGivesADeviceOrAClearError() throws Exception {
        ObjectMapper json = new ObjectMapper();
        DeviceConfig d = ConsoleServlet.device(json.readTree(
                "{\"id\":\"m1\",\"profile\":\"eastron-sdm630\",\"endpoint\":\" modbus-tcp://127.0.0.1:5020?unit=1 \",\"intervalMs\":500}"));
        assertEquals(new DeviceConfig("m1", "eastron-sdm630", URI.create("modbus-tcp://127.0.0.1:5020?unit=1"),
                Duration.ofMillis(500)), d);
        assertThrows(IllegalArgumentException.class, () -> ConsoleServlet.device(json.readTree(
                "{\"id\":\"m1\",\"profile\":\"p\",\"endpoint\":\"10.0.0.5\"}")));
        assertThrows(IllegalArgumentException.class, () -> ConsoleServlet.device(json.readTree(
                "{\"id\":\"../etc\",\"profile\":\"p\",\"endpoint\":\"modbus-tcp://h:1\"}")));
    }
}
