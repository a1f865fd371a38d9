package cat.smartregion.gateway.bench;

import java.io.PrintStream;
import java.util.List;

/**
 * One benchmark, run by {@code bench/run NAME}: the class {@code cat.smartregion.gateway.bench.<Name>Bench}
 * for the name {@code <name>} in kebab case (e.g. {@code buffer-append} → {@code BufferAppendBench}),
 * with a public no-argument constructor.
 */
public interface Benchmark {

    /** One line of what it measures, for the list {@code bench/run} prints. */
    String description();

    /**
     * Measures the gateway and the raw baseline in the same run, prints its figures to {@code out}
     * and returns the summary that becomes the last line.
     */
    Summary run(List<String> args, PrintStream out) throws Exception;
}
