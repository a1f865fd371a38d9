package cat.smartregion.gateway.api;

/** How far a reading's value can be trusted. A doubtful value is kept and flagged, never dropped. */
public enum Quality {
    /** Read, decoded and within its plausible range. */
    GOOD,
    /** Read and decoded, but outside the plausible range the profile declares. */
    OUT_OF_RANGE,
    /** Taken while the gateway's clock was not yet synchronised; the time may be wrong. */
    CLOCK_UNSYNCHRONISED
}
