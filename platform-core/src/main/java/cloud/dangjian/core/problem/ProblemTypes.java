package cloud.dangjian.core.problem;

/** Builds the problem type URIs; they name a section of docs/errors.md that explains each kind. */
public final class ProblemTypes {

    private static final String BASE = "https://dangjian.cloud/problems/";

    private ProblemTypes() {
    }

    public static String uri(String type) {
        return BASE + type;
    }
}
