package cat.smartregion.gateway.simulator.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The simulator's PMS5003 frame on commented bytes. */
class Pms5003FrameTest {

    @Test
    void aFrameHasHeaderLengthThirteenWordsAndTheSumOfTheBytesBefore() {
        byte[] frame = Pms5003Frame.encode(new ParticleSample(5, 10, 12, 4, 9, 11, 1800, 544, 90, 9, 2, 0));

        assertEquals("424D" + "001C" // start characters, frame length 28
                + "0005000A000C" // PM1.0, PM2.5, PM10 CF=1
                + "00040009000B" // PM1.0, PM2.5, PM10 atmospheric
                + "07080220005A000900020000" // particles > 0.3, 0.5, 1.0, 2.5, 5.0, 10 um per 0.1 L
                + "9700" // reserved
                + "020B", // check code: sum of the 30 bytes before
                HexFormat.of().withUpperCase().formatHex(frame));
    }

    @Test
    void driftingSamplesStayPlausible() {
        Random random = new Random(1);
        for (int i = 0; i < 100; i++) {
            ParticleSample s = ParticleSample.around(30, random);
            assertEquals(true, s.pm1Standard() <= s.pm25Standard() && s.pm25Standard() <= s.pm10Standard(), s.toString());
        }
    }
}
