package cat.smartregion.gateway.driver.serial.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Bytes written in profile options: text with escapes ({@code \r \n \t \\ \xHH}) or hex ({@code 42 4D}). */
final class Escapes {

    private Escapes() {
    }

    /** ASCII text where {@code \r}, {@code \n}, {@code \t}, {@code \\} and {@code \xHH} stand for their bytes. */
    static byte[] text(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\') {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.US_ASCII));
                continue;
            }
            if (i + 1 >= text.length()) {
                throw new IllegalArgumentException("'" + text + "' ends with a lone backslash");
            }
            char e = text.charAt(++i);
            switch (e) {
                case 'r' -> out.write('\r');
                case 'n' -> out.write('\n');
                case 't' -> out.write('\t');
                case '\\' -> out.write('\\');
                case 'x' -> {
                    if (i + 2 >= text.length()) {
                        throw new IllegalArgumentException("'" + text + "': \\x needs two hex digits");
                    }
                    out.write(hexByte(text, text.substring(i + 1, i + 3)));
                    i += 2;
                }
                default -> throw new IllegalArgumentException("'" + text + "': unknown escape \\" + e
                        + " (known: \\r \\n \\t \\\\ \\xHH)");
            }
        }
        return out.toByteArray();
    }

    /** Hex bytes, optionally separated by spaces: {@code 42 4D} or {@code 424D}. */
    static byte[] hex(String hex) {
        String digits = hex.replace(" ", "");
        if (digits.isEmpty() || digits.length() % 2 != 0) {
            throw new IllegalArgumentException("'" + hex + "' is not a sequence of hex bytes like 42 4D");
        }
        try {
            return HexFormat.of().parseHex(digits);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + hex + "' is not a sequence of hex bytes like 42 4D", e);
        }
    }

    private static int hexByte(String text, String digits) {
        try {
            return Integer.parseInt(digits, 16);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "': \\x needs two hex digits, got " + digits, e);
        }
    }
}
