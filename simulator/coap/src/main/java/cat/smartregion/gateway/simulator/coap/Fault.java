package cat.smartregion.gateway.simulator.coap;

/** What the simulated sensor does wrong, for every resource, until told otherwise. */
public enum Fault {
    /** Answers normally. */
    NONE,
    /** Answers 4.04 Not Found. */
    NOT_FOUND,
    /** Never answers (not even an empty ACK). */
    SILENCE,
    /** Answers 2.05 with a payload that does not parse in the resource's content format. */
    MALFORMED
}
