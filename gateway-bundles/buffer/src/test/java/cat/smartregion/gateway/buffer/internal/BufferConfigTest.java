package cat.smartregion.gateway.buffer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.annotation.Annotation;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BufferConfigTest {

    @Test
    void readsTheDsConfiguration() {
        BufferConfig config = BufferConfig.from(given("/var/lib/gateway/buffer.db", "normal", 1_048_576));
        assertEquals(new BufferConfig(Path.of("/var/lib/gateway/buffer.db"), BufferConfig.Synchronous.NORMAL, 1_048_576),
                config);
    }

    @Test
    void refusesAMissingPathAnUnknownSynchronousAndANonPositiveQuota() {
        assertThrows(IllegalArgumentException.class, () -> BufferConfig.from(given(" ", "FULL", 1)));
        assertThrows(IllegalArgumentException.class, () -> BufferConfig.from(given("b.db", "OFF", 1)));
        assertThrows(IllegalArgumentException.class, () -> BufferConfig.from(given("b.db", "FULL", 0)));
    }

    private static BufferConfiguration given(String path, String synchronous, long quota) {
        return new BufferConfiguration() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return BufferConfiguration.class;
            }

            @Override
            public String path() {
                return path;
            }

            @Override
            public String synchronous() {
                return synchronous;
            }

            @Override
            public long quota_bytes() {
                return quota;
            }
        };
    }
}
