package cat.smartregion.gateway.simulator.serial;

/** What a simulated serial device does wrong, from now on until told otherwise. */
public enum SerialFault {
    /** Well-formed output. */
    NONE,
    /** Frames with a wrong checksum (binary) or a value that is not a number (line). */
    CORRUPT,
    /** Frames cut short: the first half of a binary frame, or half a line with its terminator. */
    TRUNCATED,
    /** Random bytes before each frame or line. */
    GARBAGE,
    /** Nothing at all: no frames, no answers. */
    SILENCE
}
