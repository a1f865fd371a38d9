package cat.smartregion.gateway.bench;

import cat.smartregion.gateway.api.Priority;
import cat.smartregion.gateway.api.Quality;
import cat.smartregion.gateway.api.Reading;
import cat.smartregion.gateway.api.Value;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the buffer benchmarks share: realistic poll cycles (a meter's voltages, currents and energy
 * counters, one decimal) and the raw sqlite-jdbc baseline storing the same rows (seq, series, time,
 * flags, value) in a WAL database with synchronous FULL, one transaction per cycle.
 */
final class BufferRows {

    static final long T0 = 1_767_225_600_000L;

    private BufferRows() {
    }

    /** Cycle {@code n} of {@code size} readings: 30 points per meter, meters numbered as needed. */
    static List<Reading> cycle(long n, int size) {
        List<Reading> readings = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            boolean counter = i % 30 >= 27;
            readings.add(new Reading("diba-sant-cugat", "gw-0001", "meter-" + i / 30, "point-" + i % 30,
                    counter ? "energy" : "voltage", Value.of(counter ? 1_000_000 + n : 230 + (n + i) % 100 / 10.0),
                    counter ? "Wh" : "V", T0 + n * 1000, Quality.GOOD, counter ? Priority.COUNTER : Priority.SAMPLE, 0));
        }
        return readings;
    }

    static Path tempDir(String name) throws IOException {
        return Files.createTempDirectory(name);
    }

    static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** The raw baseline: a plain table, prepared statements, one transaction per cycle. */
    static final class Raw implements AutoCloseable {
        final Connection connection;
        final PreparedStatement insert;
        final PreparedStatement select;
        final PreparedStatement delete;
        long seq;

        Raw(Path file) throws SQLException {
            connection = DriverManager.getConnection("jdbc:sqlite:" + file);
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA journal_mode = WAL");
                statement.execute("PRAGMA synchronous = FULL");
                statement.execute("CREATE TABLE reading(seq INTEGER PRIMARY KEY, series INTEGER NOT NULL,"
                        + " time INTEGER NOT NULL, flags INTEGER NOT NULL, value)");
            }
            connection.setAutoCommit(false);
            insert = connection.prepareStatement("INSERT INTO reading VALUES (?, ?, ?, ?, ?)");
            select = connection.prepareStatement("SELECT seq, series, time, flags, value FROM reading ORDER BY seq LIMIT ?");
            delete = connection.prepareStatement("DELETE FROM reading WHERE seq BETWEEN ? AND ?");
        }

        void insert(List<Reading> cycle) throws SQLException {
            for (int i = 0; i < cycle.size(); i++) {
                Reading r = cycle.get(i);
                insert.setLong(1, ++seq);
                insert.setInt(2, i + 1);
                insert.setLong(3, r.time());
                insert.setInt(4, 8);
                insert.setLong(5, Math.round(((Value.Number) r.value()).value() * 10));
                insert.addBatch();
            }
            insert.executeBatch();
            connection.commit();
        }

        /** Selects the oldest {@code n} rows and deletes them in one transaction; returns how many. */
        int drain(int n) throws SQLException {
            long first = -1;
            long last = -1;
            int count = 0;
            select.setInt(1, n);
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    long s = rows.getLong(1);
                    rows.getInt(2);
                    rows.getLong(3);
                    rows.getInt(4);
                    rows.getObject(5);
                    first = first < 0 ? s : first;
                    last = s;
                    count++;
                }
            }
            if (count > 0) {
                delete.setLong(1, first);
                delete.setLong(2, last);
                delete.executeUpdate();
            }
            connection.commit();
            return count;
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }

    /** Bytes this process wrote: {@code write_bytes} (to the block layer) and {@code wchar} (syscalls). */
    record Io(long writeBytes, long wchar) {
        static Io now() throws IOException {
            long writeBytes = 0;
            long wchar = 0;
            for (String line : Files.readAllLines(Path.of("/proc/self/io"))) {
                String[] parts = line.split(":\\s*");
                if (parts[0].equals("write_bytes")) {
                    writeBytes = Long.parseLong(parts[1].trim());
                } else if (parts[0].equals("wchar")) {
                    wchar = Long.parseLong(parts[1].trim());
                }
            }
            return new Io(writeBytes, wchar);
        }

        Io minus(Io before) {
            return new Io(writeBytes - before.writeBytes, wchar - before.wchar);
        }
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
