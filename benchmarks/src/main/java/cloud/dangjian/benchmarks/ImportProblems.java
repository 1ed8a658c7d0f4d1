package cloud.dangjian.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns a refused import into a message that says what to fix: the problem's detail and its first row errors. */
final class ImportProblems {

    private static final int SHOWN = 10;

    private ImportProblems() {
    }

    static String describe(String file, Reply reply) {
        StringBuilder message = new StringBuilder("import of ").append(file).append(" refused: ");
        if (reply.is(413)) {
            // Quarkus refuses bodies over 10 MiB unless told otherwise; the member file is larger than that.
            return message.append(reply.describe()).append(
                    "\n  The file is larger than the platform accepts: raise quarkus.http.limits.max-body-size.")
                    .toString();
        }
        try {
            Map<String, Object> problem = Json.object(Json.parse(reply.body()));
            message.append(reply.status()).append(' ').append(problem.getOrDefault("detail", problem.get("title")));
            if (problem.get("errors") instanceof List<?> errors) {
                List<String> lines = new ArrayList<>();
                for (Object error : errors.subList(0, Math.min(SHOWN, errors.size()))) {
                    Map<String, Object> e = Json.object(error);
                    lines.add("  line " + e.get("line") + ", column " + e.get("field") + ": " + e.get("message"));
                }
                message.append('\n').append(String.join("\n", lines));
                if (errors.size() > SHOWN) {
                    message.append("\n  … and ").append(errors.size() - SHOWN).append(" more");
                }
            }
            return message.toString();
        } catch (IllegalArgumentException notAProblem) {
            return message.append(reply.describe()).toString();
        }
    }
}
