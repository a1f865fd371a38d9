package cat.smartregion.gateway.driver.coap.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * A DTLS pre-shared key kept in its own file, readable by its owner only (mode 0600 or 0400), as
 * libcoap's {@code -k} takes it: the file's bytes, without a trailing line end.
 */
final class PskFile {

    private static final Set<PosixFilePermission> OWNER_ONLY =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    private PskFile() {
    }

    /**
     * @throws IllegalArgumentException when others than the owner may read or write the file, or it is empty
     * @throws IOException              when the file cannot be read
     */
    static byte[] read(Path file) throws IOException {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        if (!OWNER_ONLY.containsAll(permissions)) {
            throw new IllegalArgumentException("key file " + file + " must be mode 0600, it is "
                    + PosixFilePermissions.toString(permissions));
        }
        byte[] content = Files.readAllBytes(file);
        int end = content.length;
        while (end > 0 && (content[end - 1] == '\n' || content[end - 1] == '\r')) {
            end--;
        }
        if (end == 0) {
            throw new IllegalArgumentException("key file " + file + " is empty");
        }
        byte[] key = Arrays.copyOf(content, end);
        Arrays.fill(content, (byte) 0);
        return key;
    }
}
