package cat.smartregion.gateway.simulator.devices;

import com.ghgande.j2mod.modbus.Modbus;
import com.ghgande.j2mod.modbus.msg.ModbusRequest;
import com.ghgande.j2mod.modbus.msg.ModbusResponse;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.Optional;

/**
 * Answers request PDUs from the units' process images with j2mod's message classes. A unit the
 * slave does not serve answers exception 0B when the slave is a TCP gateway, and nothing on a
 * serial bus, as a real absent slave.
 */
final class Responder {

    private final UnitDirectory units;
    private final boolean gateway;

    Responder(UnitDirectory units, boolean gateway) {
        this.units = units;
        this.gateway = gateway;
    }

    /** The answer PDU (function code first), or empty when nobody answers. */
    Optional<byte[]> answer(int unit, byte[] pdu) {
        ModbusRequest request = ModbusRequest.createModbusRequest(pdu[0] & 0xFF);
        request.setUnitID(unit);
        try {
            request.readData(new DataInputStream(new ByteArrayInputStream(pdu, 1, pdu.length - 1)));
        } catch (IOException e) {
            return Optional.of(exception(pdu[0], Modbus.ILLEGAL_VALUE_EXCEPTION));
        }
        if (!units.serves(unit)) {
            return gateway ? Optional.of(exception(pdu[0], Modbus.GATEWAY_TARGET_NO_RESPONSE)) : Optional.empty();
        }
        ModbusResponse response = request.createResponse(units);
        byte[] data = response.getMessage();
        byte[] answer = new byte[data.length + 1];
        answer[0] = (byte) response.getFunctionCode();
        System.arraycopy(data, 0, answer, 1, data.length);
        return Optional.of(answer);
    }

    static byte[] exception(byte function, int code) {
        return new byte[] {(byte) (function | 0x80), (byte) code};
    }
}
