package cat.smartregion.gateway.driver.serial.internal;

import java.util.HexFormat;

/**
 * A binary frame protocol: a fixed header, a fixed total length or a length field, and a check field.
 *
 * @param header         bytes every frame starts with, e.g. {@code 42 4D}
 * @param length         total frame length in bytes, or 0 when a length field gives it
 * @param lengthOffset   offset of the big-endian length field (when {@code length} is 0)
 * @param lengthSize     bytes of the length field, 1 or 2
 * @param lengthAdds     total frame length = field value + this (bytes the field does not count)
 * @param maxLength      longest frame accepted; a longer length field breaks the frame
 * @param checksum       the check
 * @param checksumOffset where the check field sits, or -1 for the frame's last bytes; it covers the bytes before it
 */
record BinaryFormat(byte[] header, int length, int lengthOffset, int lengthSize, int lengthAdds, int maxLength,
                    Checksum checksum, int checksumOffset) {

    BinaryFormat {
        header = header.clone();
        if (header.length == 0) {
            throw new IllegalArgumentException("a binary frame needs a header to sync on");
        }
        if (maxLength < header.length + 1 || maxLength > 65_536) {
            throw new IllegalArgumentException("maxLength must be " + (header.length + 1) + "-65536, got " + maxLength);
        }
        if (length != 0 && (length <= header.length || length > maxLength)) {
            throw new IllegalArgumentException("length " + length + " must exceed the header and be at most " + maxLength);
        }
        if (length == 0 && (lengthSize < 1 || lengthSize > 2 || lengthOffset < 0)) {
            throw new IllegalArgumentException("give either 'length' or 'lengthOffset' with 'lengthSize' 1 or 2");
        }
        if (checksumOffset < -1 || length != 0 && checksumOffset + checksum.size() > length) {
            throw new IllegalArgumentException("checksumOffset " + checksumOffset + " does not fit a frame of " + length + " bytes");
        }
    }

    @Override
    public byte[] header() {
        return header.clone();
    }

    /** Bytes needed to know the frame's total length. */
    int lengthKnownAfter() {
        return length != 0 ? header.length : Math.max(header.length, lengthOffset + lengthSize);
    }

    /** The total length of the frame whose first {@link #lengthKnownAfter()} bytes are given. */
    int totalLength(byte[] start) {
        if (length != 0) {
            return length;
        }
        int field = lengthSize == 1 ? start[lengthOffset] & 0xFF
                : (start[lengthOffset] & 0xFF) << 8 | start[lengthOffset + 1] & 0xFF;
        return field + lengthAdds;
    }

    /** Where the check field of a frame of {@code total} bytes sits. */
    int checkAt(int total) {
        return checksumOffset >= 0 ? checksumOffset : total - checksum.size();
    }

    @Override
    public String toString() {
        return "binary frames " + HexFormat.ofDelimiter(" ").withUpperCase().formatHex(header)
                + (length != 0 ? ", " + length + " bytes" : ", length at " + lengthOffset + " (+" + lengthAdds + ")")
                + ", " + checksum.name().toLowerCase(java.util.Locale.ROOT);
    }
}
