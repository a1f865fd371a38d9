package cat.smartregion.gateway.sentilo.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Splits observations into data requests that follow each other in batch order, each a contiguous run
 * of the batch (so its {@code X-Gateway-Batch: first-last} header tells exactly what it carries): at
 * most {@code maxReadings} observations and {@code maxBytes} bytes (a single larger observation goes
 * alone), and at most one observation per sensor per second, because Sentilo returns observations of
 * one sensor sharing a timestamp in an unreliable order. An observation whose sensor already has one in
 * the same second starts the next request. With poll intervals of a second or more this never happens;
 * faster polling makes smaller requests, and the platform sees the readings of one second one request
 * after the other, in order.
 */
final class PutPlan {

    private PutPlan() {
    }

    static List<DataPut> split(List<Observation> observations, int maxReadings, int maxBytes) {
        List<DataPut> puts = new ArrayList<>();
        DataPut current = new DataPut();
        Set<String> sensorSeconds = new HashSet<>();
        for (Observation o : observations) {
            String key = o.sensor() + "@" + o.second();
            if (!current.isEmpty() && (current.size() >= maxReadings || current.bytesWith(o) > maxBytes
                    || sensorSeconds.contains(key))) {
                puts.add(current);
                current = new DataPut();
                sensorSeconds.clear();
            }
            current.add(o);
            sensorSeconds.add(key);
        }
        if (!current.isEmpty()) {
            puts.add(current);
        }
        return puts;
    }
}
