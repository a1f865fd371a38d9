package cat.smartregion.gateway.simulator.platform.internal;

/** Ends the handling of a request early with an error answer; never leaves the stand-in. */
final class ApiFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Answer answer;

    ApiFailure(Answer answer) {
        super("HTTP " + answer.status(), null, false, false);
        this.answer = answer;
    }

    static ApiFailure badRequest(String message, String detail) {
        return new ApiFailure(Answer.error(400, message, java.util.List.of(detail)));
    }

    Answer answer() {
        return answer;
    }
}
