package cat.smartregion.gateway.driver.modbus.internal;

import cat.smartregion.gateway.api.driver.PointStatus;
import com.ghgande.j2mod.modbus.msg.ModbusRequest;
import com.ghgande.j2mod.modbus.msg.ReadCoilsRequest;
import com.ghgande.j2mod.modbus.msg.ReadInputDiscretesRequest;
import com.ghgande.j2mod.modbus.msg.ReadInputRegistersRequest;
import com.ghgande.j2mod.modbus.msg.ReadMultipleRegistersRequest;
import java.util.Arrays;

/**
 * The protocol data units of the four read functions: the request for a block (j2mod's message
 * classes encode it) and the answer checked against it: function, byte count and size, or the
 * exception code.
 */
final class Pdu {

    private Pdu() {
    }

    /** Function code, then the request's data as j2mod encodes it (start address, count). */
    static byte[] request(Table table, int start, int count) {
        ModbusRequest request = switch (table) {
            case COIL -> new ReadCoilsRequest(start, count);
            case DISCRETE -> new ReadInputDiscretesRequest(start, count);
            case HOLDING -> new ReadMultipleRegistersRequest(start, count);
            case INPUT -> new ReadInputRegistersRequest(start, count);
        };
        byte[] data = request.getMessage();
        byte[] pdu = new byte[data.length + 1];
        pdu[0] = (byte) request.getFunctionCode();
        System.arraycopy(data, 0, pdu, 1, data.length);
        return pdu;
    }

    /**
     * What an answer PDU says about the block: registers as 2 bytes each in wire order, bits one
     * byte (0 or 1) each, an exception code, or a bad frame when it does not match the request.
     */
    static BlockAnswer answer(RegisterBlock block, byte[] pdu) {
        int function = pdu[0] & 0xFF;
        int expected = block.table().function();
        if (function == (expected | 0x80)) {
            int code = pdu[1] & 0xFF;
            return pdu.length == 2 ? BlockAnswer.exception(code, "device answered exception " + code
                    + " (" + ExceptionCode.describe(code) + ") to " + block)
                    : bad(block, "exception answer of " + pdu.length + " bytes");
        }
        if (function != expected) {
            return bad(block, "function " + function + " in the answer, expected " + expected);
        }
        int bytes = pdu[1] & 0xFF;
        int wanted = block.table().holdsRegisters() ? block.count() * 2 : (block.count() + 7) / 8;
        if (bytes != wanted || pdu.length != bytes + 2) {
            return bad(block, "answer carries " + bytes + " data bytes in " + (pdu.length - 2) + ", expected " + wanted);
        }
        return BlockAnswer.ok(block.table().holdsRegisters() ? Arrays.copyOfRange(pdu, 2, pdu.length)
                : unpack(pdu, block.count()));
    }

    private static byte[] unpack(byte[] pdu, int bits) {
        byte[] data = new byte[bits];
        for (int i = 0; i < bits; i++) {
            data[i] = (byte) (pdu[2 + i / 8] >>> (i % 8) & 1);
        }
        return data;
    }

    private static BlockAnswer bad(RegisterBlock block, String detail) {
        return BlockAnswer.failed(PointStatus.BAD_FRAME, detail + " (" + block + ")");
    }
}
