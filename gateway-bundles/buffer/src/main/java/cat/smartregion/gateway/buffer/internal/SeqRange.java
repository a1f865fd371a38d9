package cat.smartregion.gateway.buffer.internal;

import cat.smartregion.gateway.api.Reading;
import cat.smartregion.gateway.api.buffer.Batch;
import java.util.ArrayList;
import java.util.List;

/** A run of consecutive sequence numbers, so a batch is acknowledged with a few range deletes. */
record SeqRange(long first, long last) {

    SeqRange {
        if (first > last) {
            throw new IllegalArgumentException("empty range " + first + ".." + last);
        }
    }

    /** The runs of consecutive sequence numbers of the batch, in order. */
    static List<SeqRange> of(Batch batch) {
        List<SeqRange> ranges = new ArrayList<>();
        long first = -1;
        long last = -1;
        for (Reading reading : batch.readings()) {
            if (first >= 0 && reading.seq() == last + 1) {
                last = reading.seq();
            } else {
                if (first >= 0) {
                    ranges.add(new SeqRange(first, last));
                }
                first = reading.seq();
                last = first;
            }
        }
        if (first >= 0) {
            ranges.add(new SeqRange(first, last));
        }
        return ranges;
    }
}
