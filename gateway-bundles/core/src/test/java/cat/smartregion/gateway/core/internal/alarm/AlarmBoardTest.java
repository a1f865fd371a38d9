package cat.smartregion.gateway.core.internal.alarm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cat.smartregion.gateway.api.alarm.Alarm;
import cat.smartregion.gateway.api.alarm.AlarmListener;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlarmBoardTest {

    private final AlarmBoard board = new AlarmBoard();
    private final List<String> heard = new ArrayList<>();

    private static Alarm alarm(String key, String message, long time) {
        return new Alarm(key, Alarm.Severity.WARNING, "buffer", message, time);
    }

    @Test
    void listenersHearEachChangeOnce() {
        board.addListener(new AlarmListener() {
            @Override
            public void raised(Alarm alarm) {
                heard.add("raised " + alarm.key() + ": " + alarm.message());
            }

            @Override
            public void cleared(Alarm alarm) {
                heard.add("cleared " + alarm.key());
            }
        });
        board.raise(alarm("buffer.evicting", "evicted 10 samples", 1));
        board.raise(alarm("buffer.evicting", "evicted 10 samples", 2));
        board.raise(alarm("buffer.evicting", "evicted 20 samples", 3));
        board.clear("buffer.evicting");
        board.clear("buffer.evicting");

        assertEquals(List.of("raised buffer.evicting: evicted 10 samples", "raised buffer.evicting: evicted 20 samples",
                "cleared buffer.evicting"), heard);
    }

    @Test
    void activeAlarmsOldestFirstAndALateListenerHearsThem() {
        board.raise(alarm("b", "second", 20));
        board.raise(alarm("a", "first", 10));
        assertEquals(List.of("a", "b"), board.active().stream().map(Alarm::key).toList());

        List<String> late = new ArrayList<>();
        board.addListener(new AlarmListener() {
            @Override
            public void raised(Alarm alarm) {
                late.add(alarm.key());
            }

            @Override
            public void cleared(Alarm alarm) {
            }
        });
        assertEquals(2, late.size());
    }
}
