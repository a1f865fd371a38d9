package cat.smartregion.gateway.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;

/** Entry point of {@code bench/run}: finds the benchmark by name, runs it, prints its summary last. */
public final class Bench {

    private static final String PACKAGE = "cat.smartregion.gateway.bench.";

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        if (args.length == 0) {
            out.println("usage: bench/run NAME [ARGS...]; benchmarks:");
            for (String name : names()) {
                out.printf("  %-16s %s%n", name, load(name).description());
            }
            return;
        }
        Benchmark benchmark;
        try {
            benchmark = load(args[0]);
        } catch (ClassNotFoundException e) {
            System.err.println("bench: no benchmark '" + args[0] + "'; run bench/run to list them");
            System.exit(2);
            return;
        }
        out.printf("benchmark %s on %d cores, %s, Java %s, max heap %d MB%n", args[0],
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.arch"),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20);
        Summary summary = benchmark.run(List.of(args).subList(1, args.length), out);
        out.println(summary.toJson());
    }

    static Benchmark load(String name) throws ReflectiveOperationException {
        StringBuilder camel = new StringBuilder();
        for (String part : name.split("-")) {
            camel.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return (Benchmark) Class.forName(PACKAGE + camel + "Bench").getDeclaredConstructor().newInstance();
    }

    /** The benchmarks in this jar, in kebab case. */
    static List<String> names() throws IOException {
        URL jar = Bench.class.getProtectionDomain().getCodeSource().getLocation();
        List<String> names = new ArrayList<>();
        try (InputStream in = jar.openStream(); JarInputStream entries = new JarInputStream(in)) {
            for (JarEntry e = entries.getNextJarEntry(); e != null; e = entries.getNextJarEntry()) {
                String file = e.getName();
                if (file.startsWith(PACKAGE.replace('.', '/')) && file.endsWith("Bench.class") && !file.contains("$")) {
                    String simple = file.substring(file.lastIndexOf('/') + 1, file.length() - "Bench.class".length());
                    names.add(String.join("-", Arrays.stream(simple.split("(?=[A-Z])")).map(String::toLowerCase).toList()));
                }
            }
        }
        Collections.sort(names);
        return names;
    }
}
