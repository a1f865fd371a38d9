package cat.smartregion.gateway.simulator.devices;

import com.ghgande.j2mod.modbus.procimg.DigitalIn;
import com.ghgande.j2mod.modbus.procimg.DigitalOut;
import com.ghgande.j2mod.modbus.procimg.FIFO;
import com.ghgande.j2mod.modbus.procimg.File;
import com.ghgande.j2mod.modbus.procimg.IllegalAddressException;
import com.ghgande.j2mod.modbus.procimg.InputRegister;
import com.ghgande.j2mod.modbus.procimg.ProcessImage;
import com.ghgande.j2mod.modbus.procimg.Register;
import com.ghgande.j2mod.modbus.procimg.SimpleDigitalIn;
import com.ghgande.j2mod.modbus.procimg.SimpleDigitalOut;
import com.ghgande.j2mod.modbus.procimg.SimpleInputRegister;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import java.util.Map;

/** A {@link RegisterBank} as j2mod's process image; unset addresses answer exception 02. */
final class BankImage implements ProcessImage {

    private final RegisterBank bank;

    BankImage(RegisterBank bank) {
        this.bank = bank;
    }

    private static <T> T at(Map<Integer, T> table, int ref, String what) {
        T value = table.get(ref);
        if (value == null) {
            throw new IllegalAddressException("no " + what + " " + ref);
        }
        return value;
    }

    @Override
    public InputRegister[] getInputRegisterRange(int offset, int count) {
        InputRegister[] registers = new InputRegister[count];
        for (int i = 0; i < count; i++) {
            registers[i] = getInputRegister(offset + i);
        }
        return registers;
    }

    @Override
    public InputRegister getInputRegister(int ref) {
        return new SimpleInputRegister(at(bank.input(), ref, "input register"));
    }

    @Override
    public int getInputRegisterCount() {
        return bank.input().size();
    }

    @Override
    public Register[] getRegisterRange(int offset, int count) {
        Register[] registers = new Register[count];
        for (int i = 0; i < count; i++) {
            registers[i] = getRegister(offset + i);
        }
        return registers;
    }

    @Override
    public Register getRegister(int ref) {
        return new SimpleRegister(at(bank.holding(), ref, "holding register"));
    }

    @Override
    public int getRegisterCount() {
        return bank.holding().size();
    }

    @Override
    public DigitalOut[] getDigitalOutRange(int offset, int count) {
        DigitalOut[] bits = new DigitalOut[count];
        for (int i = 0; i < count; i++) {
            bits[i] = getDigitalOut(offset + i);
        }
        return bits;
    }

    @Override
    public DigitalOut getDigitalOut(int ref) {
        return new SimpleDigitalOut(at(bank.coils(), ref, "coil"));
    }

    @Override
    public int getDigitalOutCount() {
        return bank.coils().size();
    }

    @Override
    public DigitalIn[] getDigitalInRange(int offset, int count) {
        DigitalIn[] bits = new DigitalIn[count];
        for (int i = 0; i < count; i++) {
            bits[i] = getDigitalIn(offset + i);
        }
        return bits;
    }

    @Override
    public DigitalIn getDigitalIn(int ref) {
        return new SimpleDigitalIn(at(bank.discretes(), ref, "discrete input"));
    }

    @Override
    public int getDigitalInCount() {
        return bank.discretes().size();
    }

    @Override
    public File getFile(int ref) {
        throw new IllegalAddressException("no file " + ref);
    }

    @Override
    public File getFileByNumber(int ref) {
        throw new IllegalAddressException("no file " + ref);
    }

    @Override
    public int getFileCount() {
        return 0;
    }

    @Override
    public FIFO getFIFO(int ref) {
        throw new IllegalAddressException("no FIFO " + ref);
    }

    @Override
    public FIFO getFIFOByAddress(int ref) {
        throw new IllegalAddressException("no FIFO " + ref);
    }

    @Override
    public int getFIFOCount() {
        return 0;
    }
}
