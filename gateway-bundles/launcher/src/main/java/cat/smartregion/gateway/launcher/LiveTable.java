package cat.smartregion.gateway.launcher;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** The demo's table of what the platform holds: device, point, value, unit, age, and the backlog. */
final class LiveTable {

    private static final String CLEAR = "\033[H\033[2J";
    private static final String FORMAT = "%-12s %-26s %14s %-5s %8s%n";

    private final PrintWriter out;
    private final boolean terminal;

    LiveTable(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    void render(String header, List<PlatformView.Row> rows, long backlog, LocalDateTime nowUtc) {
        if (terminal) {
            out.print(CLEAR);
        }
        out.println(header);
        out.printf(FORMAT, "DEVICE", "POINT", "VALUE", "UNIT", "AGE");
        for (PlatformView.Row row : rows) {
            int cut = row.sensor().indexOf('_');
            String device = cut > 0 ? row.sensor().substring(0, cut) : row.sensor();
            String point = cut > 0 ? row.sensor().substring(cut + 1) : "";
            out.printf(FORMAT, device, point, row.value(), row.unit(), age(row.time(), nowUtc));
        }
        out.printf("%d sensors on the platform, gateway backlog %d readings, %s UTC%n%n",
                rows.size(), backlog, nowUtc.withNano(0));
        out.flush();
    }

    private static String age(LocalDateTime time, LocalDateTime now) {
        if (time == null) {
            return "-";
        }
        long seconds = Duration.between(time.atOffset(ZoneOffset.UTC), now.atOffset(ZoneOffset.UTC)).toSeconds();
        return seconds < 120 ? seconds + " s" : seconds / 60 + " min";
    }
}
