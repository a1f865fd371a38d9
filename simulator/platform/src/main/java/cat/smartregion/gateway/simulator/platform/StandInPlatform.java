package cat.smartregion.gateway.simulator.platform;

import cat.smartregion.gateway.simulator.platform.internal.ApiHandler;
import cat.smartregion.gateway.simulator.platform.internal.PlatformKnobs;
import cat.smartregion.gateway.simulator.platform.internal.PlatformStore;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stand-in Sentilo platform on 127.0.0.1: the catalog and data API subset the gateway uses,
 * behaving like Sentilo's server where it is known to (see the module README), storing what it
 * receives in SQLite. Knobs make it refuse like a busy or misconfigured platform.
 */
public final class StandInPlatform implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StandInPlatform.class);
    private static final int WORKERS = 4;

    private final PlatformStore store;
    private final PlatformKnobs knobs;
    private final ApiHandler handler;
    private final HttpServer server;
    private final ExecutorService workers;

    private StandInPlatform(PlatformStore store, PlatformKnobs knobs, ApiHandler handler, HttpServer server,
                            ExecutorService workers) {
        this.store = store;
        this.knobs = knobs;
        this.handler = handler;
        this.server = server;
        this.workers = workers;
    }

    /** Starts serving on 127.0.0.1:{@code port} (0: a free port), keeping its data in {@code dbFile}. */
    public static StandInPlatform start(Path dbFile, int port) throws IOException {
        return start(dbFile, HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0));
    }

    /**
     * Starts serving HTTPS on 127.0.0.1:{@code port}, as a platform behind a TLS-terminating proxy;
     * the context holds the server's key and certificate.
     */
    public static StandInPlatform startTls(Path dbFile, int port, SSLContext tls) throws IOException {
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        return start(dbFile, server);
    }

    private static StandInPlatform start(Path dbFile, HttpServer server) throws IOException {
        PlatformStore store;
        try {
            store = openStore(dbFile);
        } catch (IOException | RuntimeException e) {
            server.stop(0);
            throw e;
        }
        PlatformKnobs knobs = new PlatformKnobs();
        ApiHandler handler = new ApiHandler(store, knobs, Clock.systemUTC());
        ExecutorService workers = Executors.newFixedThreadPool(WORKERS, namedThreads());
        server.createContext("/", handler);
        server.setExecutor(workers);
        server.start();
        StandInPlatform platform = new StandInPlatform(store, knobs, handler, server, workers);
        LOG.info("stand-in Sentilo platform serving at {} (data in {})", platform.baseUrl(), dbFile);
        return platform;
    }

    /** Base URL of the API, e.g. {@code http://127.0.0.1:40123} ({@code https} with TLS), without a trailing slash. */
    public String baseUrl() {
        String scheme = server instanceof HttpsServer ? "https" : "http";
        return scheme + "://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Adds a provider (or replaces its token). */
    public StandInPlatform addProvider(String id, String token) {
        sql(() -> store.putProvider(id, token));
        return this;
    }

    /** Hourly inbound quota of a provider; beyond it requests get 429. 0 removes the quota. */
    public StandInPlatform inboundQuota(String provider, int requestsPerHour) {
        handler.inboundQuota(provider, requestsPerHour);
        return this;
    }

    /** Hourly inbound quota of the whole platform (headers {@code X-RateLimit-Global-*}); 0 removes it. */
    public StandInPlatform globalQuota(int requestsPerHour) {
        handler.globalQuota(requestsPerHour);
        return this;
    }

    /** Defines an alert of a provider, so that {@code PUT /alarm/{alertId}} is accepted from it. */
    public StandInPlatform defineAlert(String provider, String alertId) {
        sql(() -> store.putAlert(provider, alertId));
        return this;
    }

    /** Every alarm published, in arrival order. */
    public List<StoredAlarm> alarms() {
        return query(store::alarms);
    }

    /** The requests answered so far (the latest 100,000), in arrival order. */
    public List<RequestRecord> requests() {
        return handler.requests().all();
    }

    /** While not ready, every request is answered 503, as Sentilo does before it has loaded its credentials. */
    public StandInPlatform notReady(boolean notReady) {
        knobs.notReady(notReady);
        return this;
    }

    /** Bodies larger than this are refused with 400; 0 for no limit. */
    public StandInPlatform maxPayloadBytes(int bytes) {
        knobs.maxPayloadBytes(bytes);
        return this;
    }

    /** Replaces the sensor types the catalog accepts (default {@link #defaultSensorTypes()}). */
    public StandInPlatform sensorTypes(Set<String> types) {
        knobs.sensorTypes(types);
        return this;
    }

    public static Set<String> defaultSensorTypes() {
        return PlatformKnobs.DEFAULT_SENSOR_TYPES;
    }

    /** Sets a registered sensor online or offline (offline: its data is refused with 404.2). */
    public StandInPlatform sensorOnline(String provider, String sensor, boolean online) {
        sql(() -> {
            CatalogSensor current = store.sensor(provider, sensor)
                    .orElseThrow(() -> new IllegalArgumentException("no sensor " + provider + "/" + sensor));
            store.putSensors(List.of(current.withOnline(online)));
        });
        return this;
    }

    /** Deletes a sensor from the catalog (its stored observations stay). */
    public StandInPlatform removeSensor(String provider, String sensor) {
        sql(() -> store.removeSensor(provider, sensor));
        return this;
    }

    /** The provider's catalog, online and offline sensors. */
    public List<CatalogSensor> catalog(String provider) {
        return query(() -> store.sensors(provider));
    }

    /** Observations stored for a sensor, in arrival order. */
    public List<StoredObservation> observations(String provider, String sensor) {
        return query(() -> store.observations(provider, sensor));
    }

    /** Every data request that carried an {@code X-Gateway-Batch} header, in arrival order. */
    public List<BatchRecord> batches() {
        return query(store::batches);
    }

    /** Number of observations stored, all providers. */
    public long observationCount() {
        return query(store::observationCount);
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdown();
        try {
            if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sql(store::close);
        LOG.info("stand-in Sentilo platform stopped");
    }

    private interface SqlAction {
        void run() throws SQLException;
    }

    private interface SqlQuery<T> {
        T get() throws SQLException;
    }

    private static void sql(SqlAction action) {
        query(() -> {
            action.run();
            return null;
        });
    }

    private static <T> T query(SqlQuery<T> query) {
        try {
            return query.get();
        } catch (SQLException e) {
            throw new IllegalStateException("stand-in platform store failed", e);
        }
    }

    private static PlatformStore openStore(Path dbFile) throws IOException {
        try {
            return PlatformStore.open(dbFile);
        } catch (SQLException e) {
            throw new IOException("cannot open the stand-in store " + dbFile, e);
        }
    }

    private static java.util.concurrent.ThreadFactory namedThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "stand-in-platform-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
