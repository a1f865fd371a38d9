package cat.smartregion.gateway.sentilo.internal;

import cat.smartregion.gateway.api.uplink.SendResult;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** What a platform answer means for the readings being sent. */
final class Verdict {

    /** Pause after a 429 that did not say when the quota resets. */
    static final Duration QUOTA_PAUSE = Duration.ofMinutes(1);
    static final SendResult DELIVERED = new SendResult.Delivered();
    /** The reset headers of Sentilo's provider and platform quotas (minutes), in either spelling seen. */
    private static final List<String> RESET_HEADERS = List.of("X-RateLimit-Inbound-Reset",
            "X-RateLimit-Global-Reset", "X-RateLimit-Global-Inbound-Reset");

    private Verdict() {
    }

    /**
     * The result of an answer to {@code what} (e.g. "data", "catalog"): 2xx delivered; refused credentials
     * wait {@code authPause}; 429 waits for the quota's reset; 400 and 413 are rejected; anything else,
     * and no answer, is retried with the sync agent's back-off.
     */
    static SendResult of(PlatformAnswer answer, String what, Duration authPause) {
        if (answer instanceof PlatformAnswer.Held held) {
            return new SendResult.RetryLater(held.remaining(), what + ": " + held.reason());
        }
        if (answer instanceof PlatformAnswer.Unreachable unreachable) {
            return new SendResult.RetryLater(Duration.ZERO, what + ": " + unreachable.reason());
        }
        PlatformAnswer.Answered a = (PlatformAnswer.Answered) answer;
        int status = a.status();
        if (a.success()) {
            return DELIVERED;
        }
        if (status == 401 || status == 403) {
            return new SendResult.RetryLater(authPause, what + ": the platform refuses the provider's token"
                    + " or the provider (HTTP " + status + " " + a.message() + "); check provider and token");
        }
        if (status == 429) {
            return new SendResult.RetryLater(quotaReset(a), what + ": inbound quota exceeded (HTTP 429)");
        }
        String said = what + ": HTTP " + status + " " + a.message();
        if (status == 400 || status == 413) {
            return new SendResult.Rejected(said);
        }
        return new SendResult.RetryLater(Duration.ZERO, said);
    }

    /** A retry for an answer that is not a success; any other result becomes a retry without a wait. */
    static SendResult.RetryLater retry(PlatformAnswer answer, String what, Duration authPause) {
        SendResult result = of(answer, what, authPause);
        return result instanceof SendResult.RetryLater r ? r
                : new SendResult.RetryLater(Duration.ZERO, what + ": unexpected answer " + result);
    }

    /** Minutes until the quota resets: the latest of the provider's and the platform's quota. */
    static Duration quotaReset(PlatformAnswer.Answered answer) {
        long minutes = RESET_HEADERS.stream().map(h -> minutes(answer, h)).flatMap(Optional::stream)
                .mapToLong(Long::longValue).max().orElse(-1);
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
