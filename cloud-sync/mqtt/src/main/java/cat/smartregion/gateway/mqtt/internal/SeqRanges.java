package cat.smartregion.gateway.mqtt.internal;

import cat.smartregion.gateway.api.Reading;
import java.util.ArrayList;
import java.util.List;

/**
 * The sequence numbers of a message's readings as ranges, in record order: {@code 1001-1500} or
 * {@code 7-9,12,15-20}. The n-th SenML record carries the n-th number of the expanded list.
 */
public final class SeqRanges {

    private SeqRanges() {
    }

    /** The ranges of the readings' sequence numbers, which increase. */
    public static String of(List<Reading> readings) {
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < readings.size()) {
            long first = readings.get(i).seq();
            int j = i;
            while (j + 1 < readings.size() && readings.get(j + 1).seq() == readings.get(j).seq() + 1) {
                j++;
            }
            long last = readings.get(j).seq();
            text.append(text.length() == 0 ? "" : ",").append(first);
            if (last != first) {
                text.append('-').append(last);
            }
            i = j + 1;
        }
        return text.toString();
    }

    /** The sequence numbers the ranges stand for, in order. */
    public static List<Long> expand(String ranges) {
        List<Long> seqs = new ArrayList<>();
        if (ranges.isEmpty()) {
            return seqs;
        }
        for (String range : ranges.split(",")) {
            int dash = range.indexOf('-');
            long first = Long.parseLong(dash < 0 ? range : range.substring(0, dash));
            long last = dash < 0 ? first : Long.parseLong(range.substring(dash + 1));
            for (long s = first; s <= last; s++) {
                seqs.add(s);
            }
        }
        return seqs;
    }
}
