package cat.smartregion.gateway.simulator.platform;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a stand-in platform until killed:
 * {@code --port 8081 --db platform.db --provider id:token [--provider ...]}. Prints the base URL.
 */
public final class StandInPlatformMain {

    private StandInPlatformMain() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int port = 8081;
        Path db = Path.of("stand-in-platform.db");
        List<String[]> providers = new ArrayList<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                case "--db" -> db = Path.of(args[i + 1]);
                case "--provider" -> providers.add(provider(args[i + 1]));
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; use --port N --db FILE --provider id:token");
            }
        }
        if (args.length % 2 != 0) {
            throw new IllegalArgumentException("option " + args[args.length - 1] + " needs a value");
        }
        StandInPlatform platform = StandInPlatform.start(db, port);
        providers.forEach(p -> platform.addProvider(p[0], p[1]));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            platform.close();
            stopped.countDown();
        }, "stand-in-platform-stop"));
        System.out.println(platform.baseUrl());
        stopped.await();
    }

    private static String[] provider(String idAndToken) {
        int colon = idAndToken.indexOf(':');
        if (colon <= 0 || colon == idAndToken.length() - 1) {
            throw new IllegalArgumentException("--provider wants id:token");
        }
        return new String[] {idAndToken.substring(0, colon), idAndToken.substring(colon + 1)};
    }
}
