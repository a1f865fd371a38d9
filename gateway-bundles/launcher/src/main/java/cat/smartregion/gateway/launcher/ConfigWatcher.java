package cat.smartregion.gateway.launcher;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the configuration folder while the gateway runs: after a change (and half a second of
 * quiet, so an editor's or a copy's several writes count as one), the whole folder is read and
 * checked again; a valid change is applied (only what differs), a wrong one is refused in the log
 * and the configuration in force stays.
 */
final class ConfigWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigWatcher.class);
    private static final long QUIET_MS = 500;

    private final ConfigFolder folder;
    private final GatewayRuntime runtime;
    private final WatchService watch;
    private final Thread thread;
    private Plan inForce;

    private ConfigWatcher(ConfigFolder folder, GatewayRuntime runtime, Plan inForce, WatchService watch) {
        this.folder = folder;
        this.runtime = runtime;
        this.inForce = inForce;
        this.watch = watch;
        this.thread = new Thread(this::loop, "gateway-config-watch");
        this.thread.setDaemon(true);
    }

    static ConfigWatcher start(ConfigFolder folder, GatewayRuntime runtime, Plan inForce) throws IOException {
        WatchService watch = FileSystems.getDefault().newWatchService();
        ConfigWatcher watcher = new ConfigWatcher(folder, runtime, inForce, watch);
        watcher.register(folder.dir());
        watcher.register(folder.devices());
        watcher.register(folder.secrets());
        watcher.thread.start();
        LOG.info("Watching {} for configuration changes", folder.dir());
        return watcher;
    }

    private void register(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            dir.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE);
        }
    }

    private void loop() {
        try {
            while (true) {
                drain(watch.take());
                WatchKey more;
                while ((more = watch.poll(QUIET_MS, TimeUnit.MILLISECONDS)) != null) {
                    drain(more);
                }
                pass();
            }
        } catch (ClosedWatchServiceException | InterruptedException e) {
            LOG.debug("Configuration watch stopped");
        }
    }

    /** One round after changes settled; a failure is logged and the watch goes on with the next change. */
    private void pass() {
        try {
            register(folder.devices());
            register(folder.secrets());
        } catch (IOException | RuntimeException e) {
            LOG.warn("Configuration folder {}: cannot watch its subfolders: {}", folder.dir(), e.toString());
        }
        try {
            reload();
        } catch (RuntimeException e) {
            LOG.error("Configuration change refused, the running configuration stays in force: {}", e.toString());
        }
    }

    private static void drain(WatchKey key) {
        key.pollEvents();
        key.reset();
    }

    /** Reads and checks the whole folder; applies it when valid and different. */
    void reload() {
        Plan next;
        try {
            GatewayFile file = folder.load();
            String secret = RunCommand.secret(file, folder.gatewayFile());
            next = Plan.of(file, folder.dir(), folder.dir().resolve(file.buffer().path()), secret);
        } catch (GatewayFile.ConfigException e) {
            LOG.error("Configuration change refused, the running configuration stays in force: {}", e.getMessage());
            return;
        }
        Plan.Change change = next.diff(inForce);
        if (change.none()) {
            LOG.debug("Configuration folder touched, nothing changed");
            return;
        }
        try {
            next.applyOver(inForce, runtime);
            inForce = next;
            LOG.info("Configuration change applied: {}", change);
        } catch (IOException | RuntimeException e) {
            LOG.error("Configuration change could not be applied through Config Admin (the next change applies "
                    + "everything that differs again): {}", e.toString());
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        watch.close();
        thread.join(TimeUnit.SECONDS.toMillis(10));
    }
}
