package cat.smartregion.gateway.profiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The library's files: {@code profiles/*.yaml} and {@code profile.schema.json}. */
final class ProfileFiles {

    static final Path DIR = Path.of("profiles");
    static final Path SCHEMA = Path.of("profile.schema.json");

    private ProfileFiles() {
    }

    static List<Path> all() {
        try (Stream<Path> s = Files.list(DIR)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path named(String id) {
        return DIR.resolve(id + ".yaml");
    }
}
