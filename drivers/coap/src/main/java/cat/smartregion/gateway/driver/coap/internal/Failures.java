package cat.smartregion.gateway.driver.coap.internal;

/** Short descriptions of what kept a request from its peer; never a secret. */
final class Failures {

    private Failures() {
    }

    static String describe(CoapTarget target, Throwable error) {
        String what = target.secure() ? "DTLS handshake or send to " : "send to ";
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        return what + target.resource() + " failed: " + message;
    }
}
