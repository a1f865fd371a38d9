package cat.smartregion.gateway.api.profile;

import java.util.List;

/**
 * A profile is unknown or invalid; the message names the file and, where known, the line. A file
 * with several bad points gives one problem each ({@link #problems()}); the message joins them
 * with {@code "; "} for the places that show one line (a log line, a device's last error).
 */
public class ProfileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public ProfileException(String message) {
        super(message);
        this.problems = List.of(message);
    }

    public ProfileException(String message, Throwable cause) {
        super(message, cause);
        this.problems = List.of(message);
    }

    /** Several problems of one file, each {@code file:line:column: message}. */
    public ProfileException(List<String> problems) {
        super(String.join("; ", problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a profile exception names at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** Each problem on its own, in the order found. */
    public List<String> problems() {
        return problems;
    }
}
