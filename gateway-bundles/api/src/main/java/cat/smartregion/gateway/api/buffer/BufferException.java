package cat.smartregion.gateway.api.buffer;

/** The buffer could not keep its contract (e.g. a commit failed); nothing of the call was stored. */
public class BufferException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BufferException(String message, Throwable cause) {
        super(message, cause);
    }
}
