package cat.smartregion.gateway.driver.modbus.internal;

import cat.smartregion.gateway.api.driver.PointStatus;
import cat.smartregion.gateway.api.driver.RawValue;
import java.util.Objects;

/**
 * What the device answered to one block request.
 *
 * @param status        OK or the failure
 * @param data          registers: 2 bytes each in wire order; bits: one byte (0 or 1) per bit; empty unless OK
 * @param exceptionCode Modbus exception code when the status is EXCEPTION, otherwise 0
 * @param detail        explanation of a failure, empty when OK
 */
record BlockAnswer(PointStatus status, byte[] data, int exceptionCode, String detail) {

    /** Modbus exception 02: the address range is not defined in the device. */
    static final int ILLEGAL_DATA_ADDRESS = ExceptionCode.ILLEGAL_DATA_ADDRESS;

    BlockAnswer {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
        data = data.clone();
    }

    static BlockAnswer ok(byte[] data) {
        return new BlockAnswer(PointStatus.OK, data, 0, "");
    }

    static BlockAnswer exception(int code, String detail) {
        return new BlockAnswer(PointStatus.EXCEPTION, new byte[0], code, detail);
    }

    static BlockAnswer failed(PointStatus status, String detail) {
        return new BlockAnswer(status, new byte[0], 0, detail);
    }

    boolean isIllegalAddress() {
        return status == PointStatus.EXCEPTION && exceptionCode == ILLEGAL_DATA_ADDRESS;
    }

    /** The answer for one member point of the block. */
    RawValue forPoint(RegisterBlock block, PlannedPoint point) {
        return switch (status) {
            case OK -> RawValue.ok(point.name(), block.table().slice(data, point.address().start() - block.start(), point.address().length()));
            case EXCEPTION -> RawValue.exception(point.name(), exceptionCode, detail);
            default -> RawValue.failed(point.name(), status, detail);
        };
    }

    @Override
    public byte[] data() {
        return data.clone();
    }
}
