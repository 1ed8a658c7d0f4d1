package cloud.dangjian.benchmarks;

/** A request in a load phase that got a wrong answer: a status other than 200, or a body that is not right. */
final class RequestFailed extends Exception {

    private static final long serialVersionUID = 1L;

    RequestFailed(String message) {
        // No stack trace: only the message is reported, and failures may be frequent under load.
        super(message, null, false, false);
    }

    static RequestFailed of(Reply reply) {
        return new RequestFailed(reply.describe());
    }
}
