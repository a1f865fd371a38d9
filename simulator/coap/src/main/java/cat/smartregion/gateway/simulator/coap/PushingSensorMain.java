package cat.smartregion.gateway.simulator.coap;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs a pushing sensor: {@code PushingSensorMain --gateway coaps://127.0.0.1:5684/senml --identity sensor-7
 * --keyFile sensor-7.psk [--interval 1s] [--count N] [--format senml-json|senml-cbor] [--baseName NAME]}.
 * Prints one JSON line per POST (what it sent and the answer's code); stops after {@code --count} pushes or,
 * without a count, when its standard input closes. Exits 0, or 2 on a usage mistake.
 */
public final class PushingSensorMain {

    private PushingSensorMain() {
    }

    /** What to push, where and how often. */
    private record Options(URI gateway, String identity, Path keyFile, Duration interval, long count,
                           PushFormat format, String baseName) {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Options o;
        try {
            o = options(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: PushingSensorMain --gateway coaps://HOST:5684/senml --identity ID --keyFile FILE "
                    + "[--interval 1s] [--count N] [--format senml-json|senml-cbor] [--baseName NAME]");
            System.exit(2);
            return;
        }
        CountDownLatch stdinClosed = new CountDownLatch(1);
        if (o.count() <= 0) {
            Thread watcher = new Thread(() -> awaitEndOfInput(stdinClosed), "pushing-sensor-stdin");
            watcher.setDaemon(true);
            watcher.start();
        }
        try (PushingSensor sensor = PushingSensor.start(o.gateway(), o.identity(), key(o.keyFile()), o.format(),
                o.baseName().isEmpty() ? o.identity() + ":" : o.baseName())) {
            for (long sent = 0; o.count() <= 0 || sent < o.count(); sent++) {
                if (sent > 0 && stdinClosed.await(o.interval().toMillis(), TimeUnit.MILLISECONDS)) {
                    break;
                }
                System.out.println(sensor.push().jsonLine());
                System.out.flush();
            }
        }
    }

    private static Options options(String[] args) {
        if (args.length % 2 != 0) {
            throw new IllegalArgumentException("every option takes a value: " + Arrays.toString(args));
        }
        String gateway = "";
        String identity = "";
        String keyFile = "";
        String interval = "1s";
        String count = "0";
        String format = "senml-json";
        String baseName = "";
        for (int i = 0; i < args.length; i += 2) {
            String value = args[i + 1];
            switch (args[i]) {
                case "--gateway" -> gateway = value;
                case "--identity" -> identity = value;
                case "--keyFile" -> keyFile = value;
                case "--interval" -> interval = value;
                case "--count" -> count = value;
                case "--format" -> format = value;
                case "--baseName" -> baseName = value;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (gateway.isEmpty() || identity.isEmpty() || keyFile.isEmpty()) {
            throw new IllegalArgumentException("--gateway, --identity and --keyFile are required");
        }
        return new Options(URI.create(gateway), identity, Path.of(keyFile), duration(interval), number("--count", count),
                PushFormat.ofOption(format), baseName);
    }

    /** {@code 500ms}, {@code 1s}, {@code 2m}, or a number of milliseconds. */
    static Duration duration(String text) {
        String t = text.strip();
        try {
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            if (t.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
            }
            if (t.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
            }
            return Duration.ofMillis(Long.parseLong(t));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--interval must be like 500ms, 1s or 2m, got " + text, e);
        }
    }

    private static long number(String option, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, got " + value, e);
        }
    }

    /** The key as libcoap's -k takes it: the file's bytes without a trailing line end. */
    private static byte[] key(Path file) throws IOException {
        byte[] content = Files.readAllBytes(file);
        int end = content.length;
        while (end > 0 && (content[end - 1] == '\n' || content[end - 1] == '\r')) {
            end--;
        }
        return Arrays.copyOf(content, end);
    }

    private static void awaitEndOfInput(CountDownLatch closed) {
        try {
            while (System.in.read() >= 0) {
                // runs until the parent closes our standard input
            }
        } catch (IOException e) {
            // an unreadable standard input counts as closed
        }
        closed.countDown();
    }
}
