package cloud.dangjian.benchmarks;

/**
 * What the platform answered to one request.
 *
 * @param request
 *            the method and path, for error messages
 * @param status
 *            the HTTP status
 * @param body
 *            the body as text
 */
record Reply(String request, int status, String body) {

    boolean is(int expected) {
        return status == expected;
    }

    /** A one-line description for error reports, with the start of the body, which usually says what went wrong. */
    String describe() {
        String start = body == null ? "" : body.replaceAll("\\s+", " ");
        if (start.length() > 300) {
            start = start.substring(0, 300) + "…";
        }
        return request + " → " + status + (start.isEmpty() ? "" : ": " + start);
    }
}
