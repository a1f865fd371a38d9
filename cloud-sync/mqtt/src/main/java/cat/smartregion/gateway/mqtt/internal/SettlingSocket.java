package cat.smartregion.gateway.mqtt.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A plain socket whose input reports its end (EOF or error) no sooner than half a second after the
 * input was first asked for. Works around Paho bug #850 (eclipse-paho/paho.mqtt.java): when a peer
 * accepts the TCP connection and drops it at once, Paho's receiver thread stops before the connecting
 * thread, which polls every 100 ms, sees it running, and the connecting thread then loops forever.
 */
final class SettlingSocket extends java.net.Socket {

    private static final long SETTLE_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    @Override
    public InputStream getInputStream() throws IOException {
        return new Settling(super.getInputStream(), System.nanoTime());
    }

    private static final class Settling extends FilterInputStream {

        private final long opened;

        Settling(InputStream in, long opened) {
            super(in);
            this.opened = opened;
        }

        @Override
        public int read() throws IOException {
            try {
                return settled(super.read());
            } catch (IOException e) {
                settle();
                throw e;
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return settled(super.read(b, off, len));
            } catch (IOException e) {
                settle();
                throw e;
            }
        }

        private int settled(int n) {
            if (n < 0) {
                settle();
            }
            return n;
        }

        private void settle() {
            long left = opened + SETTLE_NANOS - System.nanoTime();
            while (left > 0 && !Thread.currentThread().isInterrupted()) {
                LockSupport.parkNanos(left);
                left = opened + SETTLE_NANOS - System.nanoTime();
            }
        }
    }
}
