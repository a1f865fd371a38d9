package cat.smartregion.gateway.buffer.internal;

import cat.smartregion.gateway.api.Reading;

/**
 * The size a reading takes once encoded for an uplink, as {@code claim} counts it against
 * {@code maxBytes}: its texts plus a fixed allowance for time, sequence number, quality and
 * punctuation. An estimate, not any uplink's exact encoding.
 */
final class ReadingSize {

    static final int FIXED = 48;

    private ReadingSize() {
    }

    static long estimate(Reading reading) {
        return FIXED + reading.tenant().length() + reading.gateway().length() + reading.device().length()
                + reading.point().length() + reading.quantity().length() + reading.unit().length()
                + reading.value().text().length();
    }
}
