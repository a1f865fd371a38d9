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
        return ofSeqs(batch.readings().stream().map(Reading::seq).toList());
    }

    /** The runs of consecutive numbers of the increasing list, in order. */
    static List<SeqRange> ofSeqs(List<Long> seqs) {
        List<SeqRange> ranges = new ArrayList<>();
        long first = -1;
        long last = -1;
        for (long seq : seqs) {
            if (first >= 0 && seq == last + 1) {
                last = seq;
            } else {
                if (first >= 0) {
                    ranges.add(new SeqRange(first, last));
                }
                first = seq;
                last = first;
            }
        }
        if (first >= 0) {
            ranges.add(new SeqRange(first, last));
        }
        return ranges;
    }
}
