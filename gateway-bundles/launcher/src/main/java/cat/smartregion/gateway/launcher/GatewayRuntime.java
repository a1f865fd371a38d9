package cat.smartregion.gateway.launcher;

import cat.smartregion.gateway.api.Reading;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The gateway's embedded OSGi runtime: Apache Felix with SCR and Config Admin and the
 * bundles of the distribution's {@code bundles/} folder. The API packages and Config Admin's
 * package come from the launcher's class path, so the launcher talks to the gateway's
 * services with the same classes.
 */
public final class GatewayRuntime implements AutoCloseable {

    /** Config Admin's packages, exported by the system bundle from the class path. */
    private static final String CONFIG_ADMIN_PACKAGES =
            "org.osgi.service.cm;version=1.6.1,org.osgi.service.cm.annotations;version=1.6.1";

    public static final String PID_IDENTITY = "cat.smartregion.gateway.identity";
    public static final String PID_PROFILES = "cat.smartregion.gateway.profiles";
    public static final String PID_BUFFER = "cat.smartregion.gateway.buffer";
    public static final String PID_SENTILO = "cat.smartregion.gateway.sentilo";
    public static final String PID_MQTT = "cat.smartregion.gateway.mqtt";
    public static final String PID_CONSOLE = "cat.smartregion.gateway.console";
    public static final String PID_SYNC = "cat.smartregion.gateway.sync";
    public static final String PID_COAP_SERVER = "cat.smartregion.gateway.coap.server";
    public static final String FACTORY_PID_DEVICE = "cat.smartregion.gateway.device";

    private final Framework framework;
    private final Map<Class<?>, ServiceTracker<?, ?>> trackers = new HashMap<>();
    /** The framework cache this runtime made for itself and deletes on close; null when the caller's. */
    private final Path scratch;

    private GatewayRuntime(Framework framework, Path scratch) {
        this.framework = framework;
        this.scratch = scratch;
    }

    /**
     * A runtime for one command ({@code read}, {@code scan}, ...): the distribution's bundles, its
     * framework cache in a new temporary folder named after {@code command}, deleted on close.
     *
     * @throws IOException when the runtime does not start; the folder is deleted then too
     */
    public static GatewayRuntime forCommand(String command) throws IOException {
        Path storage = Files.createTempDirectory("gateway-" + command);
        try {
            return new GatewayRuntime(startFramework(Main.home().resolve("bundles"), storage), storage);
        } catch (IOException | RuntimeException e) {
            Folders.deleteTree(storage);
            throw e;
        }
    }

    /**
     * Starts the framework with a fresh cache in {@code storage} and starts every bundle of
     * {@code bundles}.
     *
     * @throws IOException when the bundles cannot be read or one does not start; the message names it
     */
    public static GatewayRuntime start(Path bundles, Path storage) throws IOException {
        return new GatewayRuntime(startFramework(bundles, storage), null);
    }

    private static Framework startFramework(Path bundles, Path storage) throws IOException {
        Map<String, String> props = new HashMap<>();
        props.put(Constants.FRAMEWORK_STORAGE, storage.toAbsolutePath().toString());
        props.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        props.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, apiPackages() + "," + CONFIG_ADMIN_PACKAGES);
        props.put("felix.log.level", "1");
        // Configurations hold secrets (the platform token): Config Admin keeps them in memory only.
        // The launcher writes them anew at every start, from files whose permissions it checks.
        props.put("felix.cm.pm", "memory");
        // Felix HTTP opens plain HTTP on 0.0.0.0:8080 unless told otherwise: the console turns HTTPS on
        // through its configuration, nothing else listens.
        props.put("org.apache.felix.http.enable", "false");
        props.put("org.apache.felix.https.enable", "false");
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst()
                .orElseThrow(() -> new IOException("no OSGi framework on the class path"));
        Framework framework = factory.newFramework(props);
        try {
            framework.start();
            List<Bundle> installed = new ArrayList<>();
            for (Path jar : bundleJars(bundles)) {
                installed.add(framework.getBundleContext().installBundle(jar.toUri().toString()));
            }
            for (Bundle bundle : installed) {
                if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                    bundle.start();
                }
            }
        } catch (BundleException | IOException | RuntimeException e) {
            try {
                stop(framework);
            } catch (RuntimeException stopFailure) {
                e.addSuppressed(stopFailure);
            }
            throw new IOException("the gateway runtime did not start: " + e.getMessage(), e);
        }
        return framework;
    }

    /**
     * The API packages with the versions the API bundle declares: its Export-Package header, read
     * from the API jar on the class path, so that the system bundle exports exactly what the
     * gateway's bundles were built against.
     */
    static String apiPackages() throws IOException {
        try (JarFile api = new JarFile(Paths.get(Reading.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toFile())) {
            String exports = api.getManifest().getMainAttributes().getValue(Constants.EXPORT_PACKAGE);
            if (exports == null) {
                throw new IOException(api.getName() + " has no Export-Package header");
            }
            return exports;
        } catch (java.net.URISyntaxException e) {
            throw new IOException("cannot locate the API jar", e);
        }
    }

    private static List<Path> bundleJars(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException("bundle folder " + folder + " is missing: build the distribution with `mvn -B package`");
        }
        List<Path> jars = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, "*.jar")) {
            stream.forEach(jars::add);
        }
        jars.sort(null);
        for (Path jar : jars) {
            try (JarFile file = new JarFile(jar.toFile())) {
                Manifest manifest = file.getManifest();
                if (manifest == null || manifest.getMainAttributes().getValue(Constants.BUNDLE_SYMBOLICNAME) == null) {
                    throw new IOException(jar + " is not an OSGi bundle");
                }
            }
        }
        return jars;
    }

    public BundleContext context() {
        return framework.getBundleContext();
    }

    /** Sets the singleton configuration {@code pid}, replacing what it held. */
    public void configure(String pid, Map<String, ?> properties) throws IOException {
        configAdmin().getConfiguration(pid, "?").update(dictionary(properties));
    }

    /** Creates a factory configuration named {@code name}; returns its PID. */
    public String configureFactory(String factoryPid, String name, Map<String, ?> properties) throws IOException {
        Configuration configuration = configAdmin().getFactoryConfiguration(factoryPid, name, "?");
        configuration.update(dictionary(properties));
        return configuration.getPid();
    }

    /** Deletes the factory configuration named {@code name}; its component deactivates. */
    public void deleteFactoryConfiguration(String factoryPid, String name) throws IOException {
        configAdmin().getFactoryConfiguration(factoryPid, name, "?").delete();
    }

    /** Deletes the configuration {@code pid}; its component deactivates. */
    public void deleteConfiguration(String pid) throws IOException {
        configAdmin().getConfiguration(pid, "?").delete();
    }

    private ConfigurationAdmin configAdmin() throws IOException {
        return service(ConfigurationAdmin.class, Duration.ofSeconds(10));
    }

    /**
     * The service of this type, waiting up to {@code timeout} for it.
     *
     * @throws IOException when no such service appears in time
     */
    public <T> T service(Class<T> type, Duration timeout) throws IOException {
        ServiceTracker<T, T> tracker = tracker(type);
        try {
            T service = tracker.waitForService(timeout.toMillis());
            if (service == null) {
                throw new IOException("the gateway's " + type.getSimpleName() + " service did not start within "
                        + timeout.toSeconds() + " s: " + diagnose());
            }
            return service;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + type.getSimpleName(), e);
        }
    }

    /** All services of this type now registered. */
    public <T> List<T> services(Class<T> type) {
        Object[] found = tracker(type).getServices();
        List<T> result = new ArrayList<>();
        if (found != null) {
            for (Object o : found) {
                result.add(type.cast(o));
            }
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private synchronized <T> ServiceTracker<T, T> tracker(Class<T> type) {
        return (ServiceTracker<T, T>) trackers.computeIfAbsent(type, t -> {
            ServiceTracker<T, T> tracker = new ServiceTracker<>(context(), type, null);
            tracker.open();
            return tracker;
        });
    }

    /** Names the bundles that are not active, the usual reason a service is missing. */
    String diagnose() {
        StringBuilder sb = new StringBuilder();
        for (Bundle b : context().getBundles()) {
            boolean fragment = b.getHeaders().get(Constants.FRAGMENT_HOST) != null;
            if (b.getState() != Bundle.ACTIVE && !(fragment && b.getState() == Bundle.RESOLVED)) {
                sb.append(b.getSymbolicName()).append(" is not active; ");
            }
        }
        return sb.length() == 0 ? "all bundles are active (is its configuration complete?)" : sb.toString();
    }

    private static Dictionary<String, Object> dictionary(Map<String, ?> properties) {
        return new Hashtable<>(properties);
    }

    @Override
    public void close() {
        for (ServiceTracker<?, ?> t : trackers.values()) {
            t.close();
        }
        try {
            stop(framework);
        } finally {
            if (scratch != null) {
                Folders.deleteTree(scratch);
            }
        }
    }

    private static void stop(Framework framework) {
        try {
            framework.stop();
            framework.waitForStop(30_000);
        } catch (BundleException e) {
            throw new IllegalStateException("the gateway runtime did not stop cleanly: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
