package cat.smartregion.gateway.sentilo.internal;

import static cat.smartregion.gateway.sentilo.internal.Readings.T0;
import static cat.smartregion.gateway.sentilo.internal.Readings.givenReadingsFrom;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cat.smartregion.gateway.api.alarm.Alarm;
import cat.smartregion.gateway.api.alarm.Alarms;
import cat.smartregion.gateway.api.buffer.Batch;
import cat.smartregion.gateway.api.uplink.SendResult;
import cat.smartregion.gateway.simulator.platform.StandInPlatform;
import cat.smartregion.gateway.simulator.platform.StoredAlarm;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Refused credentials raise an alarm and quiet the uplink; gateway alarms reach the platform's alerts. */
class AlarmTest {

    private static final String PROVIDER = "sant-cugat-gw";
    private static final String TOKEN = "provider-token-1";

    @TempDir
    Path dir;

    private StandInPlatform platform;
    private final Board board = new Board();
    private final List<AutoCloseable> closing = new ArrayList<>();

    /** The gateway's alarm board as the core keeps it: active alarms by key. */
    static final class Board implements Alarms {
        final Map<String, Alarm> active = new ConcurrentHashMap<>();

        @Override
        public void raise(Alarm alarm) {
            active.put(alarm.key(), alarm);
        }

        @Override
        public void clear(String key) {
            active.remove(key);
        }

        @Override
        public List<Alarm> active() {
            return List.copyOf(active.values());
        }
    }

    @BeforeEach
    void startPlatform() throws IOException {
        platform = StandInPlatform.start(dir.resolve("platform.db"), 0).addProvider(PROVIDER, TOKEN);
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
        platform.close();
        assertFalse(Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().startsWith("sentilo-")),
                "uplink threads stopped");
    }

    @Test
    void refusedCredentialsRaiseACriticalAlarmAndTheUplinkStopsSending() {
        SentiloUplink uplink = uplink("wrong-token", Duration.ofMinutes(10));

        List<SendResult> results = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            results.add(uplink.send(oneReading(i)));
        }

        assertTrue(results.stream().allMatch(r -> r instanceof SendResult.RetryLater later
                && later.after().compareTo(Duration.ofMinutes(9)) > 0), results.toString());
        assertEquals(1, platform.requests().size(), "one refused request, then silence: " + platform.requests());
        Alarm alarm = board.active.get(AuthGate.ALARM_KEY);
        assertEquals(Alarm.Severity.CRITICAL, alarm.severity());
        assertTrue(alarm.message().contains(PROVIDER) && alarm.message().contains("401")
                && !alarm.message().contains("wrong-token"), alarm.message());
    }

    @Test
    void theAlarmClearsOnceThePlatformAcceptsTheTokenAgain() {
        SentiloUplink uplink = uplink("new-token", Duration.ofMillis(300));
        assertInstanceOf(SendResult.RetryLater.class, uplink.send(oneReading(1)));
        assertTrue(board.active.containsKey(AuthGate.ALARM_KEY));

        platform.addProvider(PROVIDER, "new-token");
        List<SendResult> results = new ArrayList<>();
        Await.until("a delivery", () -> {
            results.add(uplink.send(oneReading(1)));
            return results.get(results.size() - 1) instanceof SendResult.Delivered;
        });

        assertFalse(board.active.containsKey(AuthGate.ALARM_KEY));
        assertTrue(platform.requests().size() <= 4, "no hammering: " + platform.requests());
    }

    @Test
    void gatewayAlarmsArePublishedToTheirConfiguredAlerts() {
        platform.defineAlert(PROVIDER, "gw1-devices").defineAlert(PROVIDER, "gw1-gateway");
        SentiloAlarmPublisher publisher = publisher(URI.create(platform.baseUrl()),
                Map.of("device.", "gw1-devices", "*", "gw1-gateway", "ignored.", "gw1-devices"));

        publisher.raised(alarm("device.meter-1.unreachable", "meter-1", "no answer from 10.0.0.5:502"));
        publisher.raised(alarm("buffer.evicting", "buffer", "disk quota reached, evicting samples"));
        publisher.cleared(alarm("device.meter-1.unreachable", "meter-1", "no answer from 10.0.0.5:502"));

        Await.until("three alarms at the platform", () -> platform.alarms().size() == 3);
        List<StoredAlarm> alarms = platform.alarms();
        assertEquals(List.of("gw1-devices", "gw1-gateway", "gw1-devices"), alarms.stream().map(StoredAlarm::alert).toList());
        assertEquals("WARNING device.meter-1.unreachable (meter-1): no answer from 10.0.0.5:502", alarms.get(0).message());
        assertEquals("CLEARED device.meter-1.unreachable (meter-1)", alarms.get(2).message());
    }

    @Test
    void withoutAlertsNothingIsPublished() {
        SentiloAlarmPublisher publisher = publisher(URI.create(platform.baseUrl()), Map.of());

        publisher.raised(alarm("device.meter-1.unreachable", "meter-1", "no answer"));

        assertEquals(List.of(), platform.requests());
    }

    @Test
    void raisingNeverWaitsForASilentPlatform() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            SentiloAlarmPublisher publisher = publisher(URI.create("http://127.0.0.1:" + silent.getLocalPort()),
                    Map.of("*", "gw1-gateway"));
            long start = System.nanoTime();

            for (int i = 0; i < 1000; i++) {
                publisher.raised(alarm("device.m" + i + ".unreachable", "m" + i, "no answer"));
            }

            assertTrue(System.nanoTime() - start < Duration.ofSeconds(5).toNanos(), "raising must not wait");
            publisher.close();
        }
    }

    private SentiloUplink uplink(String token, Duration authRetry) {
        SentiloUplink uplink = new SentiloUplink(UplinkSettings.of(URI.create(platform.baseUrl()), PROVIDER, token)
                .withAuthRetry(authRetry));
        uplink.setAlarms(board);
        closing.add(uplink);
        return uplink;
    }

    private SentiloAlarmPublisher publisher(URI url, Map<String, String> alerts) {
        SentiloAlarmPublisher publisher = new SentiloAlarmPublisher(UplinkSettings.of(url, PROVIDER, TOKEN)
                .withAlerts(alerts).withTimeout(Duration.ofSeconds(2)));
        closing.add(publisher);
        return publisher;
    }

    private static Alarm alarm(String key, String source, String message) {
        return new Alarm(key, Alarm.Severity.WARNING, source, message, T0);
    }

    private static Batch oneReading(long seq) {
        return givenReadingsFrom(seq).number("m1", "voltage", "voltage", 230, "V", T0 + seq * 1000).batch();
    }
}
