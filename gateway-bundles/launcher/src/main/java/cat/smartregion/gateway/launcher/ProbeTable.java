package cat.smartregion.gateway.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code gateway read --probe}'s table, made from the probe's JSON: the best hypotheses on top with
 * their score, points in range and the values of the key points, the profile's own setting marked
 * {@code *} (shown even when it ranks below the rows shown), then the verdict.
 */
final class ProbeTable {

    /** Rows shown; the rest are in {@code --json}. */
    static final int ROWS = 10;

    private ProbeTable() {
    }

    static void print(JsonNode probe, PrintWriter out) {
        JsonNode hypotheses = probe.path("hypotheses");
        List<String> keys = new ArrayList<>();
        probe.path("keyPoints").forEach(k -> keys.add(k.asText()));
        out.printf("%s (%s) at %s: %d numeric points read once, %d distinct decodings ranked%n",
                probe.path("device").asText(), probe.path("profile").asText(), probe.path("endpoint").asText(),
                probe.path("probed").asInt(), hypotheses.size());
        int labelWidth = 10;
        for (JsonNode h : hypotheses) {
            labelWidth = Math.max(labelWidth, label(h).length());
        }
        String format = "%-1s %4s  %-" + labelWidth + "s  %5s  %8s" + "  %14s".repeat(keys.size()) + "%n";
        List<Object> header = new ArrayList<>(List.of("", "RANK", "HYPOTHESIS", "SCORE", "IN RANGE"));
        keys.forEach(k -> header.add(k.length() > 14 ? k.substring(0, 14) : k));
        out.printf(format, header.toArray());
        int profileRank = probe.path("profileRank").asInt();
        for (JsonNode h : hypotheses) {
            int rank = h.path("rank").asInt();
            if (rank == ROWS + 1 && profileRank > ROWS + 1) {
                out.println("  ...");
            }
            if (rank <= ROWS || rank == profileRank) {
                out.printf(format, row(h, keys).toArray());
            }
        }
        out.println("(* the profile's own setting; x10 multiplies every point's scale by 10; --json lists every decoding)");
        out.println("verdict: " + probe.path("verdict").asText());
    }

    private static List<Object> row(JsonNode h, List<String> keys) {
        List<Object> row = new ArrayList<>(List.of(h.path("profile").asBoolean() ? "*" : "", h.path("rank").asInt(),
                label(h), String.format(Locale.ROOT, "%.3f", h.path("score").asDouble()),
                h.path("inRange").asInt() + "/" + h.path("points").asInt()));
        keys.forEach(k -> row.add(number(h.path("samples").path(k))));
        return row;
    }

    /** E.g. {@code ABCD x1 (=CDAB x1)}, or {@code (+27 alike)} when many decode the same. */
    private static String label(JsonNode h) {
        JsonNode same = h.path("same");
        if (same.isEmpty()) {
            return h.path("label").asText();
        }
        if (same.size() > 2) {
            return h.path("label").asText() + " (+" + same.size() + " alike)";
        }
        List<String> names = new ArrayList<>();
        same.forEach(s -> names.add(s.asText()));
        return h.path("label").asText() + " (=" + String.join(", ", names) + ")";
    }

    /** A value as an installer compares it with the display: 230.1, 0.98, 1.5e-38; {@code -} for no number. */
    static String number(JsonNode value) {
        if (!value.isNumber()) {
            return "-";
        }
        double v = value.asDouble();
        double magnitude = Math.abs(v);
        if (v != 0 && (magnitude >= 1e7 || magnitude < 1e-3)) {
            return String.format(Locale.ROOT, "%.3g", v);
        }
        String fixed = String.format(Locale.ROOT, "%.4f", v);
        return fixed.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
