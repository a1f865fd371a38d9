package cat.smartregion.gateway.driver.coap.internal;

/** Text a peer chose (a PSK identity, a diagnostic), made safe for one log line. */
final class LogText {

    private static final int MAX = 200;

    private LogText() {
    }

    /** Control characters replaced by '?', cut at 200 characters. */
    static String safe(String text) {
        StringBuilder safe = new StringBuilder(Math.min(text.length(), MAX));
        text.codePoints().limit(MAX).forEach(c -> safe.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return text.codePointCount(0, text.length()) > MAX ? safe + "..." : safe.toString();
    }
}
