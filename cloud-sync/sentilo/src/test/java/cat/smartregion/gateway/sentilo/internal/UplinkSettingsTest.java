package cat.smartregion.gateway.sentilo.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import org.junit.jupiter.api.Test;

class UplinkSettingsTest {

    @Test
    void neverShowsTheToken() {
        UplinkSettings settings = UplinkSettings.of(URI.create("https://sentilo.example.cat/"), "prov", "s3cr3t-t0ken");
        assertFalse(settings.toString().contains("s3cr3t"), settings.toString());
        assertEquals("https://sentilo.example.cat", settings.url().toString());
    }

    @Test
    void mapsQuantitiesToSentiloTypesWithADefault() {
        UplinkSettings settings = UplinkSettings.of(URI.create("http://127.0.0.1:1"), "prov", "t");
        assertEquals("power", settings.typeFor("activePower"));
        assertEquals("power_factor", settings.typeFor("powerFactor"));
        assertEquals("energy", settings.typeFor("activeEnergy"));
        assertEquals("other", settings.typeFor("somethingElse"));
    }

    @Test
    void refusesConfigurationsThatCannotWork() {
        URI url = URI.create("http://127.0.0.1:1");
        assertThrows(IllegalArgumentException.class, () -> UplinkSettings.of(URI.create("ftp://x"), "prov", "t"));
        assertThrows(IllegalArgumentException.class, () -> UplinkSettings.of(url, "", "t"));
        assertThrows(IllegalArgumentException.class, () -> UplinkSettings.of(url, "prov", ""));
        assertThrows(IllegalArgumentException.class, () -> UplinkSettings.parseTypeMap(new String[] {"voltage"}));
    }
}
