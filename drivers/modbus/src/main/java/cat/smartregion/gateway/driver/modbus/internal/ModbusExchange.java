package cat.smartregion.gateway.driver.modbus.internal;

import cat.smartregion.gateway.api.driver.PointStatus;
import com.ghgande.j2mod.modbus.ModbusException;
import com.ghgande.j2mod.modbus.ModbusSlaveException;
import com.ghgande.j2mod.modbus.io.ModbusTCPTransaction;
import com.ghgande.j2mod.modbus.msg.ModbusRequest;
import com.ghgande.j2mod.modbus.msg.ModbusResponse;
import com.ghgande.j2mod.modbus.msg.ReadCoilsRequest;
import com.ghgande.j2mod.modbus.msg.ReadCoilsResponse;
import com.ghgande.j2mod.modbus.msg.ReadInputDiscretesRequest;
import com.ghgande.j2mod.modbus.msg.ReadInputDiscretesResponse;
import com.ghgande.j2mod.modbus.msg.ReadInputRegistersRequest;
import com.ghgande.j2mod.modbus.msg.ReadInputRegistersResponse;
import com.ghgande.j2mod.modbus.msg.ReadMultipleRegistersRequest;
import com.ghgande.j2mod.modbus.msg.ReadMultipleRegistersResponse;
import com.ghgande.j2mod.modbus.net.TCPMasterConnection;
import com.ghgande.j2mod.modbus.procimg.InputRegister;
import java.util.function.IntPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one block request over a j2mod TCP connection and turns the outcome into a
 * {@link BlockAnswer}: one attempt, no retries (the scheduler decides about retrying), the answer
 * checked against the request (function, register or bit count). After a timeout or a bad frame
 * the socket is closed so that a late answer cannot be taken for the next one; j2mod opens it
 * again on the next request.
 */
final class ModbusExchange {

    private static final Logger LOG = LoggerFactory.getLogger(ModbusExchange.class);

    private final TCPMasterConnection connection;
    private final TcpEndpoint endpoint;
    private final ModbusTCPTransaction transaction;

    ModbusExchange(TCPMasterConnection connection, TcpEndpoint endpoint) {
        this.connection = connection;
        this.endpoint = endpoint;
        this.transaction = new ModbusTCPTransaction(connection);
        this.transaction.setRetries(1);
        this.transaction.setCheckingValidity(true);
    }

    BlockAnswer read(RegisterBlock block) {
        ModbusRequest request = request(block);
        request.setUnitID(endpoint.unit());
        transaction.setRequest(request);
        try {
            transaction.execute();
            BlockAnswer answer = decode(block, transaction.getResponse());
            LOG.trace("{} {}: {}", endpoint, block, answer.status());
            return answer;
        } catch (ModbusSlaveException e) {
            LOG.trace("{} {}: exception {}", endpoint, block, e.getType());
            return BlockAnswer.exception(e.getType(), "device answered exception " + e.getType() + " to " + block);
        } catch (ModbusException e) {
            PointStatus status = FailureKind.of(e);
            LOG.trace("{} {}: {} ({})", endpoint, block, status, e.getMessage());
            connection.close();
            return BlockAnswer.failed(status, status + " reading " + block + " from " + endpoint + ": " + e.getMessage());
        }
    }

    private static ModbusRequest request(RegisterBlock block) {
        return switch (block.table()) {
            case COIL -> new ReadCoilsRequest(block.start(), block.count());
            case DISCRETE -> new ReadInputDiscretesRequest(block.start(), block.count());
            case HOLDING -> new ReadMultipleRegistersRequest(block.start(), block.count());
            case INPUT -> new ReadInputRegistersRequest(block.start(), block.count());
        };
    }

    private BlockAnswer decode(RegisterBlock block, ModbusResponse response) {
        if (response == null || response.getFunctionCode() != block.table().function()) {
            connection.close();
            return BlockAnswer.failed(PointStatus.BAD_FRAME, "answer to " + block + " has function "
                    + (response == null ? "none" : response.getFunctionCode()));
        }
        if (response instanceof ReadInputRegistersResponse r) {
            return registers(block, r.getWordCount(), r.getRegisters());
        }
        if (response instanceof ReadMultipleRegistersResponse r) {
            return registers(block, r.getWordCount(), r.getRegisters());
        }
        if (response instanceof ReadCoilsResponse r) {
            return bits(block, r.getCoils().size(), r::getCoilStatus);
        }
        ReadInputDiscretesResponse r = (ReadInputDiscretesResponse) response;
        return bits(block, r.getDiscretes().size(), r::getDiscreteStatus);
    }

    private BlockAnswer registers(RegisterBlock block, int words, InputRegister[] registers) {
        if (words != block.count() || registers.length != block.count()) {
            connection.close();
            return BlockAnswer.failed(PointStatus.BAD_FRAME, "answer to " + block + " carries " + words + " registers");
        }
        byte[] data = new byte[words * 2];
        for (int i = 0; i < words; i++) {
            byte[] word = registers[i].toBytes();
            data[2 * i] = word[0];
            data[2 * i + 1] = word[1];
        }
        return BlockAnswer.ok(data);
    }

    private BlockAnswer bits(RegisterBlock block, int bitCount, IntPredicate bit) {
        if (bitCount < block.count() || bitCount >= block.count() + 8) {
            connection.close();
            return BlockAnswer.failed(PointStatus.BAD_FRAME, "answer to " + block + " carries " + bitCount + " bits");
        }
        byte[] data = new byte[block.count()];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (bit.test(i) ? 1 : 0);
        }
        return BlockAnswer.ok(data);
    }
}
