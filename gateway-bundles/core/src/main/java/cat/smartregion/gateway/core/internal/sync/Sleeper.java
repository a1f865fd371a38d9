package cat.smartregion.gateway.core.internal.sync;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Waits between sync steps; injected so the loop can run on virtual time. */
interface Sleeper {

    /** Waits up to {@code wait}; false when the agent is stopping and the loop must end. */
    boolean sleep(Duration wait);

    /** A sleeper that wakes at once when {@link StopSignal#stop()} is called. */
    final class StopSignal implements Sleeper {

        private final CountDownLatch stopped = new CountDownLatch(1);

        void stop() {
            stopped.countDown();
        }

        boolean isStopped() {
            return stopped.getCount() == 0;
        }

        @Override
        public boolean sleep(Duration wait) {
            try {
                return !stopped.await(wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
