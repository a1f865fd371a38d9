package cat.smartregion.gateway.simulator.devices;

import com.ghgande.j2mod.modbus.procimg.DigitalIn;
import com.ghgande.j2mod.modbus.procimg.DigitalOut;
import com.ghgande.j2mod.modbus.procimg.FIFO;
import com.ghgande.j2mod.modbus.procimg.File;
import com.ghgande.j2mod.modbus.procimg.IllegalAddressException;
import com.ghgande.j2mod.modbus.procimg.InputRegister;
import com.ghgande.j2mod.modbus.procimg.ProcessImage;
import com.ghgande.j2mod.modbus.procimg.Register;
import com.ghgande.j2mod.modbus.procimg.SimpleInputRegister;

/**
 * A meter as j2mod's process image: input registers from one snapshot per request, so a float
 * never mixes words of two instants. Registers the model does not define, and every other table,
 * answer illegal data address (exception 02); with {@link UndefinedRegisters#ZERO_IN_HOLES} a range
 * that starts and ends on defined registers reads its holes as zeros. (j2mod's SimpleProcessImage
 * cannot leave holes in a register range, hence this class.)
 */
final class MeterImage implements ProcessImage {

    private final SimulatedMeter meter;
    private final UndefinedRegisters undefined;

    MeterImage(SimulatedMeter meter) {
        this(meter, UndefinedRegisters.REFUSED);
    }

    MeterImage(SimulatedMeter meter, UndefinedRegisters undefined) {
        this.meter = meter;
        this.undefined = undefined;
    }

    @Override
    public InputRegister[] getInputRegisterRange(int offset, int count) {
        MeterSnapshot snapshot = meter.snapshot();
        boolean zeros = undefined == UndefinedRegisters.ZERO_IN_HOLES && snapshot.defines(offset) && snapshot.defines(offset + count - 1);
        InputRegister[] registers = new InputRegister[count];
        for (int i = 0; i < count; i++) {
            registers[i] = zeros && !snapshot.defines(offset + i) ? new SimpleInputRegister(0) : register(snapshot, offset + i);
        }
        return registers;
    }

    @Override
    public InputRegister getInputRegister(int ref) {
        return register(meter.snapshot(), ref);
    }

    @Override
    public int getInputRegisterCount() {
        return meter.snapshot().values().size() * 2;
    }

    private static InputRegister register(MeterSnapshot snapshot, int ref) {
        int word = snapshot.word(ref).orElseThrow(() -> new IllegalAddressException("no input register " + ref));
        return new SimpleInputRegister(word);
    }

    @Override
    public Register[] getRegisterRange(int offset, int count) {
        throw undefined("holding register", offset);
    }

    @Override
    public Register getRegister(int ref) {
        throw undefined("holding register", ref);
    }

    @Override
    public int getRegisterCount() {
        return 0;
    }

    @Override
    public DigitalOut[] getDigitalOutRange(int offset, int count) {
        throw undefined("coil", offset);
    }

    @Override
    public DigitalOut getDigitalOut(int ref) {
        throw undefined("coil", ref);
    }

    @Override
    public int getDigitalOutCount() {
        return 0;
    }

    @Override
    public DigitalIn[] getDigitalInRange(int offset, int count) {
        throw undefined("discrete input", offset);
    }

    @Override
    public DigitalIn getDigitalIn(int ref) {
        throw undefined("discrete input", ref);
    }

    @Override
    public int getDigitalInCount() {
        return 0;
    }

    @Override
    public File getFile(int ref) {
        throw undefined("file", ref);
    }

    @Override
    public File getFileByNumber(int ref) {
        throw undefined("file", ref);
    }

    @Override
    public int getFileCount() {
        return 0;
    }

    @Override
    public FIFO getFIFO(int ref) {
        throw undefined("FIFO", ref);
    }

    @Override
    public FIFO getFIFOByAddress(int ref) {
        throw undefined("FIFO", ref);
    }

    @Override
    public int getFIFOCount() {
        return 0;
    }

    private static IllegalAddressException undefined(String table, int ref) {
        return new IllegalAddressException("no " + table + " " + ref);
    }
}
