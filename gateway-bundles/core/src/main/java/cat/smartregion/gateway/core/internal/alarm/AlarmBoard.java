package cat.smartregion.gateway.core.internal.alarm;

import cat.smartregion.gateway.api.alarm.Alarm;
import cat.smartregion.gateway.api.alarm.AlarmListener;
import cat.smartregion.gateway.api.alarm.Alarms;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's active alarms. Raising or clearing one logs it once and tells every
 * {@link AlarmListener} service; raising an active key again updates it without telling anyone twice
 * unless its severity or message changed.
 */
@Component(service = Alarms.class)
public final class AlarmBoard implements Alarms {

    private static final Logger LOG = LoggerFactory.getLogger(AlarmBoard.class);

    private final Map<String, Alarm> active = new ConcurrentHashMap<>();
    private final List<AlarmListener> listeners = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addListener(AlarmListener listener) {
        listeners.add(listener);
        active.values().forEach(listener::raised);
    }

    public void removeListener(AlarmListener listener) {
        listeners.remove(listener);
    }

    @Override
    public void raise(Alarm alarm) {
        Alarm before = active.put(alarm.key(), alarm);
        if (before != null && before.severity() == alarm.severity() && before.message().equals(alarm.message())) {
            return;
        }
        LOG.warn("Alarm {} ({}): {}", alarm.key(), alarm.severity(), alarm.message());
        for (AlarmListener listener : listeners) {
            listener.raised(alarm);
        }
    }

    @Override
    public void clear(String key) {
        Alarm cleared = active.remove(key);
        if (cleared == null) {
            return;
        }
        LOG.info("Alarm {} cleared", key);
        for (AlarmListener listener : listeners) {
            listener.cleared(cleared);
        }
    }

    @Override
    public List<Alarm> active() {
        List<Alarm> alarms = new ArrayList<>(active.values());
        alarms.sort(Comparator.comparingLong(Alarm::time).thenComparing(Alarm::key));
        return alarms;
    }
}
