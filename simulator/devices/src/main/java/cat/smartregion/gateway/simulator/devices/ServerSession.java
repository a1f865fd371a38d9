package cat.smartregion.gateway.simulator.devices;

import com.ghgande.j2mod.modbus.Modbus;
import com.ghgande.j2mod.modbus.ModbusIOException;
import com.ghgande.j2mod.modbus.io.ModbusTCPTransport;
import com.ghgande.j2mod.modbus.msg.ModbusRequest;
import com.ghgande.j2mod.modbus.msg.ModbusResponse;
import java.io.IOException;
import java.net.Socket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection: reads requests with j2mod's TCP transport and answers them from the
 * unit's process image until the client leaves or the server closes the socket; an idle client
 * stays connected (no read timeout). A unit id the
 * server does not serve is answered with exception 0x0B (gateway target failed to respond), as a
 * Modbus TCP gateway in front of an RS-485 bus does.
 */
final class ServerSession implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(ServerSession.class);

    private final Socket socket;
    private final UnitDirectory units;

    ServerSession(Socket socket, UnitDirectory units) {
        this.socket = socket;
        this.units = units;
    }

    @Override
    public void run() {
        try {
            ModbusTCPTransport transport = new ModbusTCPTransport(socket);
            transport.setTimeout(0);
            while (!socket.isClosed()) {
                ModbusRequest request = transport.readRequest(units);
                ModbusResponse response = answer(request);
                LOG.trace("unit {} request {} answer {}", request.getUnitID(), request.getHexMessage(), response.getHexMessage());
                transport.writeResponse(response);
            }
        } catch (ModbusIOException | IllegalStateException e) {
            LOG.trace("session {} ended: {}", socket.getRemoteSocketAddress(), e.getMessage());
        } finally {
            close();
        }
    }

    private ModbusResponse answer(ModbusRequest request) {
        if (!units.serves(request.getUnitID())) {
            return request.createExceptionResponse(Modbus.GATEWAY_TARGET_NO_RESPONSE);
        }
        return request.createResponse(units);
    }

    void close() {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.trace("closing session socket: {}", e.getMessage());
        }
    }
}
