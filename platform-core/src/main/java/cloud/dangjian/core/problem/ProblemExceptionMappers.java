package cloud.dangjian.core.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticator;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Maps every exception that can leave a resource to application/problem+json, so no error is ever answered as a success
 * or as an HTML page, and every refused field is named.
 */
public class ProblemExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ProblemExceptionMappers.class);

    @Inject
    HttpAuthenticator authenticator;

    @Inject
    CurrentVertxRequest currentRequest;

    @ServerExceptionMapper
    public Response problem(ProblemException exception) {
        return ProblemResponses.of(exception.toProblem());
    }

    @ServerExceptionMapper({ AuthenticationFailedException.class, AuthenticationCompletionException.class,
            UnauthorizedException.class })
    public Uni<Response> unauthenticated(RuntimeException exception, UriInfo uriInfo) {
        if (!uriInfo.getPath().startsWith("/api/")) {
            // A page: the web shell's authentication mechanism answers, with a redirect to Keycloak's sign-in.
            return authenticator.getChallenge(currentRequest.getCurrent()).map(challenge -> {
                Response.ResponseBuilder redirect = Response.status(challenge.status);
                challenge.getHeaders().forEach((name, value) -> redirect.header(name.toString(), value));
                return redirect.build();
            });
        }
        LOG.infof("Refused a request with an unusable token: %s", exception.getMessage());
        return Uni.createFrom()
                .item(ProblemResponses.of(new Problem(ProblemTypes.uri("unauthenticated"), "Sign-in required", 401,
                        "The bearer token is missing, malformed, expired, or not issued by the platform's realm; "
                                + "sign in again",
                        null, null)));
    }

    @ServerExceptionMapper(ForbiddenException.class)
    public Response forbidden(ForbiddenException exception) {
        return ProblemResponses.of(new Problem(ProblemTypes.uri("forbidden"), "Forbidden", 403,
                "You are signed in but may not do this", null, null));
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException exception) {
        List<Problem.FieldError> errors = exception.getConstraintViolations().stream()
                .map(violation -> new Problem.FieldError(fieldOf(violation), violation.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field)).toList();
        String detail = errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
        String field = errors.isEmpty() ? null : errors.get(0).field();
        return ProblemResponses.of(new Problem(ProblemTypes.uri("invalid-field"), "Invalid field",
                Response.Status.BAD_REQUEST.getStatusCode(), detail, field, errors));
    }

    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException exception) {
        return unreadableJson(exception);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException exception) {
        String field = exception instanceof JsonMappingException mapping ? pathOf(mapping) : null;
        String detail;
        if (exception instanceof UnrecognizedPropertyException unknown) {
            detail = "unknown field '" + unknown.getPropertyName() + "'";
        } else if (exception instanceof InvalidFormatException invalid) {
            detail = "value '" + invalid.getValue() + "' is not a valid " + invalid.getTargetType().getSimpleName();
        } else if (exception instanceof MismatchedInputException mismatched && field != null) {
            detail = "value does not fit " + mismatched.getTargetType().getSimpleName();
        } else {
            detail = "the request body is not valid JSON: " + exception.getOriginalMessage();
        }
        return ProblemResponses.of(new Problem(ProblemTypes.uri("invalid-field"), "Invalid field",
                Response.Status.BAD_REQUEST.getStatusCode(), detail, field,
                field == null ? null : List.of(new Problem.FieldError(field, detail))));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException exception) {
        // The framework wraps what failed while reading the request; the cause says which field.
        if (exception.getCause() instanceof ProblemException problem) {
            return problem(problem);
        }
        if (exception.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json);
        }
        Response.StatusType status = exception.getResponse().getStatusInfo();
        String detail = switch (status.getStatusCode()) {
            case 404 -> "no resource at this address";
            case 405 -> "this address does not take that method; see /q/openapi";
            case 415 -> "this address does not take the request's Content-Type; see /q/openapi";
            default -> exception.getMessage();
        };
        return ProblemResponses.of(new Problem(ProblemTypes.uri("http-" + status.getStatusCode()),
                status.getReasonPhrase(), status.getStatusCode(), detail, null, null));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception exception) {
        // The operator needs the stack trace; the caller must not see internals.
        LOG.error("Unexpected error while serving a request", exception);
        return ProblemResponses.of(new Problem(ProblemTypes.uri("internal-error"), "Internal error",
                Response.Status.INTERNAL_SERVER_ERROR.getStatusCode(),
                "The request failed on the server; nothing was changed. The error has been logged.", null, null));
    }

    /** "create.arg0.name" becomes "name": the caller knows its own field, not our method's parameter. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        String last = null;
        StringBuilder beanPath = new StringBuilder();
        boolean inBean = false;
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR -> inBean = false;
                case PARAMETER -> {
                    inBean = true;
                    last = node.getName();
                }
                default -> {
                    if (beanPath.length() > 0) {
                        beanPath.append('.');
                    }
                    beanPath.append(node.getName());
                }
            }
        }
        if (beanPath.length() > 0) {
            return beanPath.toString();
        }
        return inBean && last != null ? last : violation.getPropertyPath().toString();
    }

    private static String pathOf(JsonMappingException exception) {
        String path = exception.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        return path.isEmpty() ? null : path;
    }
}
