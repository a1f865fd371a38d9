package cat.smartregion.gateway.api.profile;

/**
 * Byte and word order of a multi-register value, named by where the bytes of the big-endian
 * value {@code A B C D} sit on the wire: ABCD is big-endian, CDAB swaps 16-bit words, BADC
 * swaps the bytes within each word, DCBA is little-endian. Values of four registers extend
 * the same rule to words 1-4.
 */
public enum WordOrder {
    ABCD, CDAB, BADC, DCBA
}
