package cat.smartregion.gateway.core.internal.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cat.smartregion.gateway.api.profile.DeviceProfile;
import cat.smartregion.gateway.api.profile.ProfileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileLibraryImplTest {

    private static String profile(String id) {
        return """
                id: %s
                manufacturer: Acme
                model: M1
                protocol: modbus
                source: Acme M1 manual
                points:
                  - name: frequency
                    description: Supply frequency
                    quantity: frequency
                    address: input:0x0046
                    type: float32
                    unit: Hz
                    platform: {sentilo: {type: frequency, dataType: NUMBER, unit: Hz}, sdm: frequency}
                """.formatted(id);
    }

    @Test
    void loadsTheGoodFilesAndSkipsTheBadOne(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("b-meter.yaml"), profile("b-meter"));
        Files.writeString(dir.resolve("a-meter.yaml"), profile("a-meter"));
        Files.writeString(dir.resolve("broken.yaml"), profile("broken").replace("float32", "float33"));
        Files.writeString(dir.resolve("notes.txt"), "not a profile");
        ProfileLibraryImpl library = new ProfileLibraryImpl(dir);
        assertEquals(List.of("a-meter", "b-meter"), library.all().stream().map(DeviceProfile::id).toList());
        assertEquals("b-meter", library.load("b-meter").id());
    }

    @Test
    void loadAcceptsAFilePath(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("elsewhere.yaml");
        Files.writeString(file, profile("elsewhere"));
        ProfileLibraryImpl library = new ProfileLibraryImpl(dir.resolve("missing"));
        assertEquals("elsewhere", library.load(file.toString()).id());
    }

    @Test
    void unknownIdIsAProfileException(@TempDir Path dir) {
        ProfileException e = assertThrows(ProfileException.class, () -> new ProfileLibraryImpl(dir).load("nope"));
        assertTrue(e.getMessage().startsWith("unknown profile 'nope'"), e.getMessage());
    }
}
