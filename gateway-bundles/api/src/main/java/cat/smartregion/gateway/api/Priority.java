package cat.smartregion.gateway.api;

/**
 * How long the buffer keeps a reading when its disk quota is reached, declared per point in
 * the profile. When it must evict, the buffer takes the lowest class first, oldest first:
 * {@link #SAMPLE} before {@link #STATE} before {@link #COUNTER}; {@link #ALARM} goes last.
 */
public enum Priority {
    /** An instantaneous sample (a voltage, a temperature): the next one tells nearly as much. */
    SAMPLE,
    /** A state that changes seldom (a valve open, a fill level). */
    STATE,
    /** A cumulative counter (energy, volume, pulses): a later value still covers the gap. */
    COUNTER,
    /** An alarm or event the device reports. */
    ALARM
}
