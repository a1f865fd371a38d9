package cat.smartregion.gateway.console.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** The console's configuration, validated, with the paths resolved in the config folder. */
public record ConsoleSettings(int port, String host, Path configDir, Path keystore, Path keystorePasswordFile,
                             Path passwordHashFile, Optional<Path> logFile, int lockoutFailures,
                             Duration lockoutDuration, Duration sessionIdle) {

    public ConsoleSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(configDir, "configDir");
        Objects.requireNonNull(logFile, "logFile");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("console port must be 1-65535, got " + port);
        }
        if (lockoutFailures < 1 || lockoutDuration.isNegative() || lockoutDuration.isZero()) {
            throw new IllegalArgumentException("console lockout needs at least 1 failure and at least 1 minute");
        }
        if (sessionIdle.isNegative() || sessionIdle.isZero()) {
            throw new IllegalArgumentException("console sessions need at least 1 minute");
        }
    }

    static ConsoleSettings of(ConsoleConfig c) {
        Path dir = Path.of(c.configDir()).toAbsolutePath();
        return new ConsoleSettings(c.port(), c.host(), dir, dir.resolve(c.keystore()), dir.resolve(c.keystorePasswordFile()),
                dir.resolve(c.passwordHashFile()),
                c.logFile().isBlank() ? Optional.empty() : Optional.of(dir.resolve(c.logFile())),
                c.lockout_failures(), Duration.ofMinutes(c.lockout_minutes()), Duration.ofMinutes(c.session_minutes()));
    }

    /** Where a device added in the console is saved. */
    Path devicesDir() {
        return configDir.resolve("devices");
    }
}
