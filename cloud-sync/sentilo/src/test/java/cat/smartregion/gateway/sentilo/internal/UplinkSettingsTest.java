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
        assertEquals("power", settings.typeFor("p1", "activePower"));
        assertEquals("power_factor", settings.typeFor("pf", "powerFactor"));
        assertEquals("energy", settings.typeFor("totalActiveEnergyImport", "activeEnergy"));
        assertEquals("pm10", settings.typeFor("pm10", "massConcentration"), "the point name wins");
        assertEquals("other", settings.typeFor("x", "somethingElse"));
        assertEquals("Wh", settings.unitOf("activeEnergy").orElseThrow());
    }

    @Test
    void theAdministratorsMapsOverrideTheProfilesAndTheBuiltInTable() {
        UplinkSettings defaults = UplinkSettings.of(URI.create("http://127.0.0.1:1"), "prov", "t");
        assertEquals(java.util.Optional.empty(), defaults.typeOverride("voltage", "voltage"), "no override by default");
        assertEquals(java.util.Optional.empty(), defaults.unitOverride("temperature"));
        UplinkSettings admin = new UplinkSettings(defaults.url(), "prov", "t", "", "generic",
                java.util.Map.of("temperature", "temp", "dewPoint", "dew"), "other", java.util.Map.of("temperature", "ºC"),
                100, 65536, java.time.Duration.ofMinutes(10), java.util.Map.of(), java.time.Duration.ofSeconds(10),
                java.util.Optional.empty());
        assertEquals("dew", admin.typeOverride("dewPoint", "temperature").orElseThrow(), "the point name wins");
        assertEquals("temp", admin.typeOverride("airTemperature", "temperature").orElseThrow());
        assertEquals("ºC", admin.unitOverride("temperature").orElseThrow());
        assertEquals("power", admin.typeFor("p1", "activePower"), "the built-in table below the override");
    }

    @Test
    void refusesConfigurationsThatCannotWork() {
        URI url = URI.create("http://127.0.0.1:1");
        assertThrows(IllegalArgumentException.class, () -> UplinkSettings.of(URI.create("ftp://x"), "prov", "t"));
        assertThrows(IllegalArgumentException.class, () -> UplinkSettings.of(url, "", "t"));
        assertThrows(IllegalArgumentException.class, () -> UplinkSettings.of(url, "prov", ""));
        UplinkSettings ok = UplinkSettings.of(url, "prov", "t");
        assertThrows(IllegalArgumentException.class, () -> ok.withRequestLimits(0, 65536));
        assertThrows(IllegalArgumentException.class, () -> ok.withRequestLimits(100, 10));
        assertThrows(IllegalArgumentException.class, () -> ok.withAlerts(java.util.Map.of("device.", "bad id!")));
        assertThrows(IllegalArgumentException.class, () -> UplinkSettings.pairs(new String[] {"voltage"}));
    }
}
