package cloud.dangjian.core.problem;

import jakarta.ws.rs.core.Response.Status;
import java.util.List;

/** Thrown by services to answer with a specific problem; mapped to application/problem+json. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final String field;
    private final List<Problem.FieldError> errors;

    public ProblemException(Status status, String type, String title, String detail, String field,
            List<Problem.FieldError> errors) {
        this(status.getStatusCode(), type, title, detail, field, errors);
    }

    /** For statuses {@link Status} does not name, such as 422 Unprocessable Content. */
    public ProblemException(int status, String type, String title, String detail, String field,
            List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.field = field;
        this.errors = errors;
    }

    /** The named resource does not exist, or is not visible to the caller (the two are not told apart). */
    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(Status.NOT_FOUND, "not-found", "Not found", what + " '" + id + "' does not exist",
                null, null);
    }

    /** A single field of the request is invalid. */
    public static ProblemException invalidField(String field, String detail) {
        return new ProblemException(Status.BAD_REQUEST, "invalid-field", "Invalid field", detail, field,
                List.of(new Problem.FieldError(field, detail)));
    }

    /** The request conflicts with the current state (a duplicate code, a move into one's own subtree). */
    public static ProblemException conflict(String field, String detail) {
        return new ProblemException(Status.CONFLICT, "conflict", "Conflict", detail, field,
                field == null ? null : List.of(new Problem.FieldError(field, detail)));
    }

    /** The action is refused in the current state of a resource (a suspended tenant, an exceeded quota). */
    public static ProblemException forbidden(String type, String title, String detail) {
        return new ProblemException(Status.FORBIDDEN, type, title, detail, null, null);
    }

    public Problem toProblem() {
        return new Problem(ProblemTypes.uri(type), title, status, getMessage(), field, errors);
    }

    public int status() {
        return status;
    }
}
