package cat.smartregion.gateway.sentilo.internal;

import cat.smartregion.gateway.api.uplink.SendResult;
import java.time.Duration;
import java.util.Optional;

/** What a platform answer means for the batch being sent. */
final class Verdict {

    /** Pause after the platform refused the token or provider: a person must fix the configuration. */
    static final Duration REFUSED_PAUSE = Duration.ofMinutes(5);
    /** Pause after a 429 that did not say when the quota resets. */
    static final Duration QUOTA_PAUSE = Duration.ofMinutes(1);
    static final SendResult DELIVERED = new SendResult.Delivered();

    private Verdict() {
    }

    /** The result of an answer to {@code what} (e.g. "data", "catalog registration"). */
    static SendResult of(PlatformAnswer answer, String what) {
        if (answer instanceof PlatformAnswer.Unreachable unreachable) {
            return new SendResult.RetryLater(Duration.ZERO, what + ": " + unreachable.reason());
        }
        PlatformAnswer.Answered a = (PlatformAnswer.Answered) answer;
        int status = a.status();
        String said = what + ": HTTP " + status + " " + a.message();
        if (a.success()) {
            return DELIVERED;
        }
        if (status == 401 || status == 403) {
            return new SendResult.RetryLater(REFUSED_PAUSE, what + ": the platform refuses the provider's token"
                    + " or the provider (HTTP " + status + " " + a.message() + "); check provider and token");
        }
        if (status == 429) {
            return new SendResult.RetryLater(quotaReset(a), what + ": inbound quota exceeded (HTTP 429)");
        }
        if (status == 400 || status == 413) {
            return new SendResult.Rejected(said);
        }
        return new SendResult.RetryLater(Duration.ZERO, said);
    }

    /** Minutes until the quota resets, the larger of the provider's and the global one. */
    private static Duration quotaReset(PlatformAnswer.Answered answer) {
        long minutes = Math.max(minutes(answer, "X-RateLimit-Inbound-Reset").orElse(-1L),
                minutes(answer, "X-RateLimit-Global-Inbound-Reset").orElse(-1L));
        return minutes > 0 ? Duration.ofMinutes(minutes) : QUOTA_PAUSE;
    }

    private static Optional<Long> minutes(PlatformAnswer.Answered answer, String header) {
        try {
            return answer.header(header).map(String::trim).map(Long::parseLong);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
