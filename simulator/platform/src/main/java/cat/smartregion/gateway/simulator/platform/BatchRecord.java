package cat.smartregion.gateway.simulator.platform;

import java.util.Objects;

/**
 * A data request that carried the {@code X-Gateway-Batch: first-last} header, whatever its answer.
 *
 * @param provider     provider in the request path
 * @param firstSeq     first gateway sequence number the request claims to carry
 * @param lastSeq      last gateway sequence number
 * @param received     arrival time, UTC ms
 * @param observations observations in the request body (0 when the body could not be read)
 * @param status       HTTP status the stand-in answered
 */
public record BatchRecord(String provider, long firstSeq, long lastSeq, long received,
                          int observations, int status) {

    public BatchRecord {
        Objects.requireNonNull(provider, "provider");
        if (firstSeq > lastSeq) {
            throw new IllegalArgumentException("first sequence number after last: " + firstSeq + "-" + lastSeq);
        }
    }

    /** Whether the platform accepted the whole request. */
    public boolean delivered() {
        return status == 200;
    }
}
