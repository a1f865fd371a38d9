package cat.smartregion.gateway.mqtt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MqttSettingsTest {

    private static final MqttSettings TLS = MqttSettings.of(URI.create("ssl://broker.example:8883"),
            Security.trusting(Path.of("/etc/ca.pem")));

    @ParameterizedTest
    @ValueSource(strings = {"a+b", "a#", "a/b", ""})
    void topicLevelsFromConfigurationAreSingleLevelsWithoutWildcards(String bad) {
        assertMessage("tenant", () -> TLS.withTopics("smartregion", bad, "gw1"));
        assertMessage("gateway", () -> TLS.withTopics("smartregion", "diba", bad));
        assertMessage("topic.prefix", () -> TLS.withTopics(bad, "diba", "gw1"));
    }

    @Test
    void topicsOfAGateway() {
        Topics topics = new Topics("smartregion", "diba", "gw1");
        assertEquals("smartregion/diba/gw1/readings", topics.readings());
        assertEquals("smartregion/diba/gw1/status", topics.status());
        assertEquals("smartregion/diba/gw1/inventory", topics.inventory());
    }

    @Test
    void tlsNeedsACaFileAndPlainTcpIsOnlyForAnExplicitTcpUri() {
        assertMessage("ca.file is required", () -> MqttSettings.of(URI.create("ssl://b:8883"), Security.none()));
        assertMessage("need an ssl:// broker", () -> MqttSettings.of(URI.create("tcp://b:1883"), Security.trusting(Path.of("ca.pem"))));
        assertMessage("broker must be", () -> MqttSettings.of(URI.create("http://b"), Security.none()));
        assertFalse(MqttSettings.of(URI.create("tcp://b:1883"), Security.none()).tls());
        assertTrue(TLS.tls());
    }

    @Test
    void secretsNeverShow() {
        MqttSettings settings = MqttSettings.of(URI.create("ssl://b:8883"),
                Security.trusting(Path.of("ca.pem")).withPassword("gw", "hunter2"));
        assertFalse(settings.toString().contains("hunter2"), settings.toString());
        assertTrue(settings.toString().contains("password=***"));
    }

    @Test
    void flowFiguresAreChecked() {
        assertMessage("in.flight", () -> TLS.withFlow(0, 100));
        assertMessage("message.readings", () -> TLS.withFlow(10, 0));
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable action) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
