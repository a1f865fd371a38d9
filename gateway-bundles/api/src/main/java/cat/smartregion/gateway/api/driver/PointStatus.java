package cat.smartregion.gateway.api.driver;

/** What the device answered for one point. */
public enum PointStatus {
    /** The data is the device's answer. */
    OK,
    /** No answer within the response timeout. */
    TIMEOUT,
    /** The device answered with a protocol exception; {@link RawValue#exceptionCode()} says which. */
    EXCEPTION,
    /** An answer came but could not be decoded (CRC, length, transaction id). */
    BAD_FRAME,
    /** The endpoint could not be reached or the connection broke. */
    UNREACHABLE
}
