package cat.smartregion.gateway.api;

import java.util.Objects;

/**
 * One normalized observation: a value in the canonical unit of its quantity, at a UTC time.
 *
 * @param tenant   municipality the gateway serves
 * @param gateway  gateway id
 * @param device   device id, unique within the gateway
 * @param point    point name within the device (Smart Data Models attribute name by default)
 * @param quantity quantity name from the quantity table (e.g. {@code voltage})
 * @param value    the value
 * @param unit     canonical unit (SenML symbol, e.g. {@code V}, {@code Wh}, {@code /})
 * @param time     UTC time of the observation, ms since the epoch
 * @param quality  quality flag
 * @param priority how long the buffer keeps it when full (the point's class in the profile)
 * @param seq      per-gateway sequence number given by the buffer; 0 until stored
 */
public record Reading(String tenant, String gateway, String device, String point, String quantity,
                      Value value, String unit, long time, Quality quality, Priority priority, long seq) {

    public Reading {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(gateway, "gateway");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(point, "point");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(quality, "quality");
        Objects.requireNonNull(priority, "priority");
        if (seq < 0) {
            throw new IllegalArgumentException("seq must not be negative: " + seq);
        }
    }

    /** The same reading at another time and quality, e.g. after the buffer corrected an unsynchronised clock. */
    public Reading withTime(long newTime, Quality newQuality) {
        return new Reading(tenant, gateway, device, point, quantity, value, unit, newTime, newQuality, priority, seq);
    }

    /** The same reading with the sequence number the buffer gave it. */
    public Reading withSeq(long newSeq) {
        return new Reading(tenant, gateway, device, point, quantity, value, unit, time, quality, priority, newSeq);
    }
}
