package cat.smartregion.gateway.driver.modbus.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PointAddressTest {

    @Test
    void parsesTablesAndDecimalOrHexAddresses() {
        assertEquals(new PointAddress(Table.INPUT, 0x46, 2), PointAddress.parse("input:0x0046", 2));
        assertEquals(new PointAddress(Table.HOLDING, 40001, 1), PointAddress.parse("holding:40001", 1));
        assertEquals(new PointAddress(Table.COIL, 3, 1), PointAddress.parse("coil:3", 1));
        assertEquals(new PointAddress(Table.DISCRETE, 16, 1), PointAddress.parse("DISCRETE:0X10", 1));
        assertEquals(new PointAddress(Table.HOLDING, 100, 1), PointAddress.parse("holding:100.3", 1), "bit 3 of register 100");
    }

    @Test
    void rejectsMalformedAddressesNamingThem() {
        for (String bad : new String[] {"0x0046", "register:1", "input:", "input:0xZZ", "input:-1", "input:65536", "coil:1.5", "input:1.16", "input:1.x"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PointAddress.parse(bad, 1), bad);
            assertTrue(e.getMessage().contains(bad), e.getMessage());
        }
    }

    @Test
    void rejectsLengthsBeyondTheProtocolOrTheAddressSpace() {
        assertThrows(IllegalArgumentException.class, () -> PointAddress.parse("input:0", 126));
        assertThrows(IllegalArgumentException.class, () -> PointAddress.parse("coil:0", 2001));
        assertThrows(IllegalArgumentException.class, () -> PointAddress.parse("input:65535", 2));
        assertEquals(65536, PointAddress.parse("input:65535", 1).end());
    }

    @Test
    void slicesRegistersInWireOrderAndPacksBitsLowBitFirst() {
        byte[] registers = {0x43, 0x66, (byte) 0x80, 0x00, 0x42, 0x48};
        assertArrayEquals(new byte[] {(byte) 0x80, 0x00, 0x42, 0x48}, Table.INPUT.slice(registers, 1, 2));
        byte[] bits = {1, 0, 1, 1, 0, 0, 0, 0, 1, 1};
        // bits 2..9 = 1 1 0 0 0 0 1 1 -> 0b11000011; bits 8..9 = 1 1 -> 0b00000011
        assertArrayEquals(new byte[] {(byte) 0xC3}, Table.COIL.slice(bits, 2, 8));
        assertArrayEquals(new byte[] {0x03}, Table.COIL.slice(bits, 8, 2));
        assertArrayEquals(new byte[] {0x0D, 0x03}, Table.COIL.slice(bits, 0, 10));
    }
}
