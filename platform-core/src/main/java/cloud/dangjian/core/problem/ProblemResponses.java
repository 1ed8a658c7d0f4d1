package cloud.dangjian.core.problem;

import jakarta.ws.rs.core.Response;

/** Turns a {@link Problem} into a response with the problem media type. */
final class ProblemResponses {

    private ProblemResponses() {
    }

    static Response of(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
