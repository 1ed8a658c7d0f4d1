package cloud.dangjian.core.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem detail, the body of every error the API returns.
 *
 * @param type
 *            a URI naming the kind of problem
 * @param title
 *            a short summary that does not change between occurrences
 * @param status
 *            the HTTP status code
 * @param detail
 *            what went wrong this time, and what to do about it
 * @param field
 *            the request field at fault, when there is one
 * @param errors
 *            every field or row at fault, when there are several
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String field, List<FieldError> errors) {

    /** The media type of problem responses. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /**
     * One field (or one cell of an uploaded file) at fault.
     *
     * @param field
     *            the field or column name
     * @param message
     *            why the value was refused
     * @param line
     *            the 1-based line of an uploaded file, when the error comes from one
     * @param file
     *            the file, when the request concerned several (tenant-config)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldError(String field, String message, Integer line, String file) {
        public FieldError(String field, String message) {
            this(field, message, null, null);
        }

        public FieldError(String field, String message, Integer line) {
            this(field, message, line, null);
        }
    }
}
