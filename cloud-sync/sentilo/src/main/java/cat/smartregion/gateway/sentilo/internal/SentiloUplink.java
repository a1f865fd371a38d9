package cat.smartregion.gateway.sentilo.internal;

import cat.smartregion.gateway.api.buffer.Batch;
import cat.smartregion.gateway.api.uplink.SendResult;
import cat.smartregion.gateway.api.uplink.Uplink;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Uplink to a Sentilo platform: registers each sensor in the catalog before its first data, then
 * sends each batch as one {@code PUT /data/{provider}} with explicit UTC timestamps and the
 * {@code X-Gateway-Batch: first-last} header. Every platform or network outcome is a {@link SendResult}.
 */
@Component(service = Uplink.class, configurationPid = SentiloUplink.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = SentiloUplinkConfig.class)
public final class SentiloUplink implements Uplink {

    /** Configuration PID. */
    public static final String PID = "cat.smartregion.gateway.sentilo";

    private static final Logger LOG = LoggerFactory.getLogger(SentiloUplink.class);
    private static final Pattern NOT_FOUND = Pattern.compile("Sensor \\[([^\\]]+)\\] not found");
    private static final String OFFLINE_CODE = "404.2";

    private final UplinkSettings settings;
    private final PlatformClient client;
    private final SensorRegistry registry;

    @Activate
    public SentiloUplink(SentiloUplinkConfig config) {
        this(UplinkSettings.from(config));
    }

    /** An uplink without OSGi. */
    public SentiloUplink(UplinkSettings settings) {
        this.settings = settings;
        this.client = new PlatformClient(settings);
        this.registry = new SensorRegistry(client, settings.provider());
        LOG.info("Sentilo uplink to {} as provider {}", settings.url(), settings.provider());
    }

    @Override
    public String name() {
        return "sentilo " + settings.url();
    }

    @Override
    public SendResult send(Batch batch) {
        if (batch.isEmpty()) {
            return Verdict.DELIVERED;
        }
        List<DataMessage.SensorSeries> series = DataMessage.group(batch, settings);
        Optional<SendResult> unregistered = registry.ensure(entries(series));
        if (unregistered.isPresent()) {
            return unregistered.get();
        }
        PlatformAnswer answer = client.putData(DataMessage.body(series), batch.firstSeq() + "-" + batch.lastSeq());
        if (answer instanceof PlatformAnswer.Answered a && a.status() == 404) {
            return notFound(a, series);
        }
        return Verdict.of(answer, "data");
    }

    /**
     * 404.2: a sensor is offline in the catalog; the platform refuses its readings for good. Any other
     * 404: the platform does not know some sensors; register them again and have the batch resent.
     * Sentilo has stored the readings of the sensors it knew, so the resend repeats them (same
     * timestamps and values).
     */
    private SendResult notFound(PlatformAnswer.Answered answer, List<DataMessage.SensorSeries> series) {
        if (answer.messages().stream().anyMatch(m -> m.contains(OFFLINE_CODE))) {
            return new SendResult.Rejected("data: a sensor is offline on the platform (HTTP 404 " + answer.message() + ")");
        }
        List<String> unknown = answer.messages().stream().map(NOT_FOUND::matcher).filter(Matcher::find)
                .map(m -> m.group(1)).distinct().toList();
        registry.forget(unknown.isEmpty() ? entries(series).stream().map(CatalogEntry::sensor).toList() : unknown);
        Optional<SendResult> failed = registry.ensure(entries(series));
        return failed.orElseGet(() -> new SendResult.RetryLater(Duration.ZERO,
                "data: the platform did not know sensor(s) " + unknown + "; registered again, resend"));
    }

    private static List<CatalogEntry> entries(List<DataMessage.SensorSeries> series) {
        return series.stream().map(DataMessage.SensorSeries::entry).toList();
    }
}
