package cat.smartregion.gateway.simulator.platform.internal;

import cat.smartregion.gateway.simulator.platform.BatchRecord;
import cat.smartregion.gateway.simulator.platform.CatalogSensor;
import cat.smartregion.gateway.simulator.platform.StoredAlarm;
import cat.smartregion.gateway.simulator.platform.StoredObservation;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/** What the stand-in platform knows, in one SQLite file: providers, catalog, observations, batches. */
public final class PlatformStore implements AutoCloseable {

    private static final String[] SCHEMA = {
        "CREATE TABLE IF NOT EXISTS provider(id TEXT PRIMARY KEY, token TEXT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS sensor(provider TEXT NOT NULL, sensor TEXT NOT NULL, type TEXT NOT NULL,"
            + " data_type TEXT NOT NULL, unit TEXT NOT NULL, component TEXT NOT NULL, component_type TEXT NOT NULL,"
            + " location TEXT NOT NULL, description TEXT NOT NULL, online INTEGER NOT NULL,"
            + " PRIMARY KEY(provider, sensor))",
        "CREATE TABLE IF NOT EXISTS observation(id INTEGER PRIMARY KEY AUTOINCREMENT, provider TEXT NOT NULL,"
            + " sensor TEXT NOT NULL, value TEXT NOT NULL, time INTEGER NOT NULL, location TEXT NOT NULL,"
            + " received INTEGER NOT NULL)",
        "CREATE INDEX IF NOT EXISTS observation_by_sensor ON observation(provider, sensor, time)",
        "CREATE TABLE IF NOT EXISTS batch(id INTEGER PRIMARY KEY AUTOINCREMENT, provider TEXT NOT NULL,"
            + " first_seq INTEGER NOT NULL, last_seq INTEGER NOT NULL, received INTEGER NOT NULL,"
            + " observations INTEGER NOT NULL, status INTEGER NOT NULL)",
        "CREATE TABLE IF NOT EXISTS alert(id TEXT PRIMARY KEY, provider TEXT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS alarm(id INTEGER PRIMARY KEY AUTOINCREMENT, provider TEXT NOT NULL,"
            + " alert TEXT NOT NULL, message TEXT NOT NULL, received INTEGER NOT NULL)"
    };
    private static final String SENSOR_COLUMNS =
            "provider, sensor, type, data_type, unit, component, component_type, location, description, online";

    private final Connection connection;

    private PlatformStore(Connection connection) {
        this.connection = connection;
    }

    /** Opens (or creates) the store in the given file. */
    public static PlatformStore open(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(5000);
        SQLiteDataSource source = new SQLiteDataSource(config);
        source.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        Connection connection = source.getConnection();
        try (Statement statement = connection.createStatement()) {
            for (String sql : SCHEMA) {
                statement.executeUpdate(sql);
            }
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return new PlatformStore(connection);
    }

    public synchronized void putProvider(String id, String token) throws SQLException {
        update("INSERT OR REPLACE INTO provider(id, token) VALUES(?, ?)", id, token);
    }

    /** The provider a token belongs to, if any. */
    public synchronized Optional<String> providerOfToken(String token) throws SQLException {
        return firstString("SELECT id FROM provider WHERE token = ?", token);
    }

    public synchronized boolean providerExists(String id) throws SQLException {
        return firstString("SELECT id FROM provider WHERE id = ?", id).isPresent();
    }

    public synchronized Optional<CatalogSensor> sensor(String provider, String sensor) throws SQLException {
        List<CatalogSensor> found = sensors("SELECT " + SENSOR_COLUMNS
                + " FROM sensor WHERE provider = ? AND sensor = ?", provider, sensor);
        return found.stream().findFirst();
    }

    public synchronized List<CatalogSensor> sensors(String provider) throws SQLException {
        return sensors("SELECT " + SENSOR_COLUMNS + " FROM sensor WHERE provider = ? ORDER BY sensor", provider);
    }

    /** Inserts or replaces sensors, all or none. */
    public synchronized void putSensors(List<CatalogSensor> sensors) throws SQLException {
        inTransaction(() -> {
            for (CatalogSensor s : sensors) {
                update("INSERT OR REPLACE INTO sensor(" + SENSOR_COLUMNS + ") VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        s.provider(), s.sensor(), s.type(), s.dataType(), s.unit(), s.component(),
                        s.componentType(), s.location(), s.description(), s.online() ? 1 : 0);
            }
        });
    }

    public synchronized void removeSensor(String provider, String sensor) throws SQLException {
        update("DELETE FROM sensor WHERE provider = ? AND sensor = ?", provider, sensor);
    }

    /** Stores observations in one transaction. */
    public synchronized void addObservations(List<StoredObservation> observations) throws SQLException {
        inTransaction(() -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO observation"
                    + "(provider, sensor, value, time, location, received) VALUES(?, ?, ?, ?, ?, ?)")) {
                for (StoredObservation o : observations) {
                    bind(insert, o.provider(), o.sensor(), o.value(), o.time(), o.location(), o.received());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    /** Observations of a sensor in the order they arrived. */
    public synchronized List<StoredObservation> observations(String provider, String sensor) throws SQLException {
        return observations("SELECT provider, sensor, value, time, location, received FROM observation"
                + " WHERE provider = ? AND sensor = ? ORDER BY id", provider, sensor);
    }

    /** Observations of a sensor between two times (inclusive), newest first, at most {@code limit}. */
    public synchronized List<StoredObservation> latest(String provider, String sensor, long from, long to, int limit)
            throws SQLException {
        return observations("SELECT provider, sensor, value, time, location, received FROM observation"
                + " WHERE provider = ? AND sensor = ? AND time >= ? AND time <= ? ORDER BY time DESC, id DESC LIMIT ?",
                provider, sensor, from, to, limit);
    }

    public synchronized long observationCount() throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM observation")) {
            return rows.next() ? rows.getLong(1) : 0;
        }
    }

    public synchronized void addBatch(BatchRecord batch) throws SQLException {
        update("INSERT INTO batch(provider, first_seq, last_seq, received, observations, status)"
                + " VALUES(?, ?, ?, ?, ?, ?)", batch.provider(), batch.firstSeq(), batch.lastSeq(),
                batch.received(), batch.observations(), batch.status());
    }

    /** Every recorded batch request, in arrival order. */
    public synchronized List<BatchRecord> batches() throws SQLException {
        List<BatchRecord> batches = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT provider, first_seq, last_seq, received,"
                     + " observations, status FROM batch ORDER BY id")) {
            while (rows.next()) {
                batches.add(new BatchRecord(rows.getString(1), rows.getLong(2), rows.getLong(3),
                        rows.getLong(4), rows.getInt(5), rows.getInt(6)));
            }
        }
        return batches;
    }

    /** Defines (or moves) an alert of a provider. */
    public synchronized void putAlert(String provider, String alert) throws SQLException {
        update("INSERT OR REPLACE INTO alert(id, provider) VALUES(?, ?)", alert, provider);
    }

    /** The provider owning an alert, if the alert exists. */
    public synchronized Optional<String> alertOwner(String alert) throws SQLException {
        return firstString("SELECT provider FROM alert WHERE id = ?", alert);
    }

    public synchronized void addAlarm(String provider, String alert, String message, long received)
            throws SQLException {
        update("INSERT INTO alarm(provider, alert, message, received) VALUES(?, ?, ?, ?)",
                provider, alert, message, received);
    }

    /** Every alarm published, in arrival order. */
    public synchronized List<StoredAlarm> alarms() throws SQLException {
        List<StoredAlarm> alarms = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT provider, alert, message, received FROM alarm ORDER BY id")) {
            while (rows.next()) {
                alarms.add(new StoredAlarm(rows.getString(1), rows.getString(2), rows.getString(3), rows.getLong(4)));
            }
        }
        return alarms;
    }

    @Override
    public synchronized void close() throws SQLException {
        connection.close();
    }

    private interface SqlWork {
        void run() throws SQLException;
    }

    private void inTransaction(SqlWork work) throws SQLException {
        connection.setAutoCommit(false);
        try {
            work.run();
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private void update(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            statement.executeUpdate();
        }
    }

    private Optional<String> firstString(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        }
    }

    private List<CatalogSensor> sensors(String sql, Object... parameters) throws SQLException {
        List<CatalogSensor> sensors = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            try (ResultSet r = statement.executeQuery()) {
                while (r.next()) {
                    sensors.add(new CatalogSensor(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                            r.getString(5), r.getString(6), r.getString(7), r.getString(8), r.getString(9),
                            r.getInt(10) != 0));
                }
            }
        }
        return sensors;
    }

    private List<StoredObservation> observations(String sql, Object... parameters) throws SQLException {
        List<StoredObservation> observations = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            try (ResultSet r = statement.executeQuery()) {
                while (r.next()) {
                    observations.add(new StoredObservation(r.getString(1), r.getString(2), r.getString(3),
                            r.getLong(4), r.getString(5), r.getLong(6)));
                }
            }
        }
        return observations;
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
    }
}
