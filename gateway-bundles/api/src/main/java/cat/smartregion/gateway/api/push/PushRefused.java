package cat.smartregion.gateway.api.push;

import java.util.Objects;

/** What {@link PushIngest#accept} refused and why; nothing of the refused message was stored. */
public final class PushRefused extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why a message was refused, so that an adapter can answer in its protocol's terms. */
    public enum Reason {
        /** The message does not fit the device's profile: an unknown record, a wrong unit, not a number. */
        BAD_CONTENT,
        /** No device pushes with this identity (any more). */
        UNKNOWN_DEVICE,
        /** The gateway cannot store it now (buffer full or failing): the device should send it again later. */
        UNAVAILABLE
    }

    private final Reason reason;

    public PushRefused(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
