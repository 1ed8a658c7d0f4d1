package cloud.dangjian.core.onboarding.service;

import cloud.dangjian.core.problem.Problem;
import cloud.dangjian.core.problem.ProblemException;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects every bad row of an uploaded file so that the uploader fixes them all in one go; nothing is written while
 * there is any.
 */
final class RowErrors {

    /** Enough to fix a file by; a file with more errors than this is most likely the wrong file. */
    static final int REPORTED = 1000;

    /** RFC 9110's 422: the file is well-formed, its rows are not. */
    private static final int UNPROCESSABLE_CONTENT = 422;

    private final List<Problem.FieldError> errors = new ArrayList<>();
    private int total;

    void add(int line, String column, String message) {
        total++;
        if (errors.size() < REPORTED) {
            errors.add(new Problem.FieldError(column, message, line));
        }
    }

    boolean isEmpty() {
        return total == 0;
    }

    /** Refuses the whole file if any row was bad. */
    void throwIfAny(String fileKind) {
        if (total == 0) {
            return;
        }
        List<Problem.FieldError> sorted = errors.stream().sorted((a, b) -> Integer.compare(a.line(), b.line()))
                .toList();
        String detail = "The " + fileKind + " file has " + total + " invalid " + (total == 1 ? "row" : "rows")
                + (total > REPORTED ? " (the first " + REPORTED + " are listed)" : "")
                + "; nothing was imported. Fix them and upload the file again.";
        throw new ProblemException(UNPROCESSABLE_CONTENT, "invalid-rows", "Invalid rows", detail, sorted.get(0).field(),
                sorted);
    }
}
