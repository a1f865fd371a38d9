package cat.smartregion.gateway.simulator.coap;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A simulated air-quality node: particulate matter (µg/m3), temperature (Cel) and relative
 * humidity (%RH) that change plausibly at every {@link #tick()}, rounded to one decimal as such
 * sensors report them. Thread-safe; the values are a pure function of the tick count.
 */
public final class AirQualitySensor {

    private final AtomicLong ticks = new AtomicLong();

    /** Advances the values by one step. */
    public void tick() {
        ticks.incrementAndGet();
    }

    public long ticks() {
        return ticks.get();
    }

    /** The values at the current tick. */
    public Sample sample() {
        long n = ticks.get();
        double pm25 = round(8 + 6 * Math.sin(n / 7.0) + (n % 5) * 0.3);
        double pm10 = round(pm25 * 1.6 + 2);
        double temperature = round(18 + 4 * Math.sin(n / 11.0));
        double humidity = round(55 + 15 * Math.cos(n / 13.0));
        return new Sample(n, pm10, pm25, temperature, humidity);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    /**
     * One set of values.
     *
     * @param tick        the tick they belong to
     * @param pm10        PM10 in µg/m3
     * @param pm25        PM2.5 in µg/m3
     * @param temperature air temperature in Cel
     * @param humidity    relative humidity in %RH
     */
    public record Sample(long tick, double pm10, double pm25, double temperature, double humidity) {
    }
}
