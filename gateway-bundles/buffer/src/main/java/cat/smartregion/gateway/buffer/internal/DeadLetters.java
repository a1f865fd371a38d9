package cat.smartregion.gateway.buffer.internal;

import cat.smartregion.gateway.api.Reading;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

/**
 * The dead-letter table: readings the platform refused for good, kept with the reason and the time
 * of the refusal. Counted and exported as JSON lines, one object per reading, in sequence order.
 * Not thread-safe: used under the buffer's lock.
 */
final class DeadLetters {

    private final Connection connection;
    private final SeriesTable series;

    DeadLetters(Connection connection, SeriesTable series) {
        this.connection = connection;
        this.series = series;
    }

    long count() throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM dead_letter");
             ResultSet row = query.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    /** Writes every dead letter as one JSON line; returns how many. The stream is flushed, not closed. */
    long export(OutputStream out) throws SQLException, IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        long n = 0;
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT seq, series, time, flags, value, reason, rejected_at FROM dead_letter ORDER BY seq");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                writer.write(line(rows));
                n++;
            }
        }
        writer.flush();
        return n;
    }

    private String line(ResultSet row) throws SQLException {
        SeriesKey key = series.key(row.getInt(2));
        int flags = row.getInt(4);
        Reading r = new Reading(key.tenant(), key.gateway(), key.device(), key.point(), key.quantity(),
                ValueCodec.decodeValue(flags, row.getObject(5)), key.unit(), row.getLong(3),
                ValueCodec.decodeQuality(flags), key.priority(), row.getLong(1));
        return "{\"seq\":" + r.seq() + ",\"tenant\":" + quote(r.tenant()) + ",\"gateway\":" + quote(r.gateway())
                + ",\"device\":" + quote(r.device()) + ",\"point\":" + quote(r.point())
                + ",\"quantity\":" + quote(r.quantity()) + ",\"value\":" + quote(r.value().text())
                + ",\"unit\":" + quote(r.unit()) + ",\"time\":" + r.time()
                + ",\"quality\":" + quote(r.quality().name()) + ",\"priority\":" + quote(r.priority().name())
                + ",\"reason\":" + quote(row.getString(6)) + ",\"rejectedAt\":" + row.getLong(7) + "}\n";
    }

    static String quote(String text) {
        StringBuilder json = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }
}
