package cat.smartregion.gateway.buffer.internal;

import cat.smartregion.gateway.api.Priority;
import cat.smartregion.gateway.api.Reading;
import java.util.Objects;

/** The texts a reading shares with every other reading of the same point: stored once, in the series table. */
record SeriesKey(String tenant, String gateway, String device, String point, String quantity, String unit,
                 Priority priority) {

    SeriesKey {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(gateway, "gateway");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(point, "point");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(priority, "priority");
    }

    static SeriesKey of(Reading reading) {
        return new SeriesKey(reading.tenant(), reading.gateway(), reading.device(), reading.point(),
                reading.quantity(), reading.unit(), reading.priority());
    }
}
