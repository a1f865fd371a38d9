package cat.smartregion.gateway.api.profile;

/** A profile is unknown or invalid; the message names the file and, where known, the line. */
public class ProfileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ProfileException(String message) {
        super(message);
    }

    public ProfileException(String message, Throwable cause) {
        super(message, cause);
    }
}
