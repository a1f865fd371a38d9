package cat.smartregion.gateway.profiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cat.smartregion.gateway.api.profile.DataType;
import cat.smartregion.gateway.api.profile.Derivation;
import cat.smartregion.gateway.api.profile.DeviceProfile;
import cat.smartregion.gateway.api.profile.PlatformMapping;
import cat.smartregion.gateway.api.profile.PointSpec;
import cat.smartregion.gateway.core.internal.profile.ProfileLibraryImpl;
import cat.smartregion.gateway.core.internal.profile.ProfileLoader;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every file in {@code profiles/} loads, ids are unique, each file is named after its id, every
 * point has a plausible range, and the register maps match the vendors' tables.
 */
class ProfilesTest {

    private static final Path DIR = ProfileFiles.DIR;

    private static List<Path> files() {
        return ProfileFiles.all();
    }

    @Test
    void everyFileLoadsAndIsNamedAfterItsId() {
        ProfileLoader loader = new ProfileLoader();
        Set<String> ids = new HashSet<>();
        List<Path> files = files();
        assertFalse(files.isEmpty(), "no profiles in " + DIR.toAbsolutePath());
        for (Path file : files) {
            DeviceProfile profile = loader.load(file);
            assertEquals(profile.id() + ".yaml", file.getFileName().toString(), "file name must be id + .yaml");
            assertTrue(ids.add(profile.id()), "duplicate id " + profile.id());
            assertFalse(profile.source().isBlank(), profile.id() + " needs a source");
        }
    }

    @Test
    void theLibraryLoadsEveryFile() {
        assertEquals(files().size(), new ProfileLibraryImpl(DIR).all().size());
    }

    @Test
    void everyPointHasAFiniteRange() {
        for (Path file : files()) {
            for (PointSpec p : new ProfileLoader().load(file).points()) {
                assertTrue(Double.isFinite(p.range().min()) && Double.isFinite(p.range().max()),
                        file + ": point " + p.name() + " needs a plausible range");
            }
        }
    }

    @Test
    void everyPointMapsToThePlatform() {
        for (Path file : files()) {
            for (PointSpec p : new ProfileLoader().load(file).points()) {
                assertFalse(p.platform().isEmpty(), file + ": point " + p.name() + " needs a platform mapping");
            }
        }
    }

    @Test
    void theFillSensorDerivesTheFillingLevelOfAWasteContainer() {
        DeviceProfile apg = new ProfileLoader().load(ProfileFiles.named("apg-mnu"));
        PointSpec fill = apg.points().stream().filter(p -> p.name().equals("fillingLevel")).findFirst().orElseThrow();
        assertEquals(Derivation.fillingLevel("distance"), fill.derivation());
        assertEquals("ratio", fill.quantity());
        assertEquals(new PlatformMapping("filling_level", "NUMBER", "/", "fillingLevel"), fill.platform());
    }

    @Test
    void noTwoPointsShareARegister() {
        for (Path file : files()) {
            DeviceProfile profile = new ProfileLoader().load(file);
            if ("modbus".equals(profile.protocol())) {
                RegisterOverlap.assertNone(file.getFileName().toString(), profile.points());
            }
        }
    }

    @Test
    void sdm630HasTheRegisterMapOfTheVendorDocument() {
        Map<String, String> expected = Map.ofEntries(
                Map.entry("phaseVoltageL1", "input:0x0000"), Map.entry("phaseVoltageL2", "input:0x0002"),
                Map.entry("phaseVoltageL3", "input:0x0004"), Map.entry("currentL1", "input:0x0006"),
                Map.entry("currentL2", "input:0x0008"), Map.entry("currentL3", "input:0x000A"),
                Map.entry("activePowerL1", "input:0x000C"), Map.entry("activePowerL2", "input:0x000E"),
                Map.entry("activePowerL3", "input:0x0010"), Map.entry("powerFactorL1", "input:0x001E"),
                Map.entry("powerFactorL2", "input:0x0020"), Map.entry("powerFactorL3", "input:0x0022"),
                Map.entry("totalActivePower", "input:0x0034"), Map.entry("totalApparentPower", "input:0x0038"),
                Map.entry("totalReactivePower", "input:0x003C"), Map.entry("totalPowerFactor", "input:0x003E"),
                Map.entry("frequency", "input:0x0046"), Map.entry("totalActiveEnergyImport", "input:0x0048"),
                Map.entry("totalActiveEnergyExport", "input:0x004A"), Map.entry("totalActiveEnergy", "input:0x0156"));
        assertRegisterMap(expected, new ProfileLoader().load(DIR.resolve("eastron-sdm630.yaml")));
    }

    @Test
    void sdm120HasTheRegisterMapOfTheVendorDocument() {
        Map<String, String> expected = Map.ofEntries(
                Map.entry("phaseVoltageL1", "input:0x0000"), Map.entry("currentL1", "input:0x0006"),
                Map.entry("activePowerL1", "input:0x000C"), Map.entry("apparentPowerL1", "input:0x0012"),
                Map.entry("reactivePowerL1", "input:0x0018"), Map.entry("powerFactorL1", "input:0x001E"),
                Map.entry("frequency", "input:0x0046"), Map.entry("totalActiveEnergyImport", "input:0x0048"),
                Map.entry("totalActiveEnergyExport", "input:0x004A"), Map.entry("totalActiveEnergy", "input:0x0156"));
        assertRegisterMap(expected, new ProfileLoader().load(DIR.resolve("eastron-sdm120.yaml")));
    }

    private static void assertRegisterMap(Map<String, String> expected, DeviceProfile profile) {
        Map<String, String> actual = profile.points().stream()
                .collect(Collectors.toMap(PointSpec::name, PointSpec::address));
        assertEquals(expected, actual);
        for (PointSpec p : profile.points()) {
            assertEquals(DataType.FLOAT32, p.type(), p.name());
            assertTrue(p.range().max() < Double.POSITIVE_INFINITY, p.name() + " needs a plausible range");
        }
    }
}
