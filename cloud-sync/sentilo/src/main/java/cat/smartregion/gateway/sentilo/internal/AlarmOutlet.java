package cat.smartregion.gateway.sentilo.internal;

import cat.smartregion.gateway.api.alarm.Alarm;
import cat.smartregion.gateway.api.alarm.Alarms;
import java.util.Optional;

/**
 * Raises and clears the uplink's own alarm on the gateway's alarm board, when there is one. An alarm
 * raised while no board is bound is raised on the board bound later.
 */
final class AlarmOutlet {

    private volatile Optional<Alarms> board = Optional.empty();
    private volatile Optional<Alarm> active = Optional.empty();

    void bind(Optional<Alarms> alarms) {
        board = alarms;
        active.ifPresent(alarm -> alarms.ifPresent(b -> b.raise(alarm)));
    }

    void raise(Alarm alarm) {
        active = Optional.of(alarm);
        board.ifPresent(b -> b.raise(alarm));
    }

    void clear(String key) {
        if (active.isPresent() && active.get().key().equals(key)) {
            active = Optional.empty();
            board.ifPresent(b -> b.clear(key));
        }
    }
}
