package cloud.dangjian.core.observability;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every HTTP request an id, first thing, for the logs and for the caller: a well-formed {@code X-Request-Id} from
 * the ingress or the client is kept (so one id follows a call across services), anything else is replaced by a random
 * one. The id is answered in the same header, so a user can quote it to an operator.
 */
@ApplicationScoped
public class RequestIdFilter {

    public static final String HEADER = "X-Request-Id";

    /** Before the platform's other HTTP filters, so that their log lines carry the id too. */
    static final int PRIORITY = 10_000;

    /** Short and plain: a header is caller input and ends up in every log line of the request. */
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:-]{8,64}");

    void register(@Observes Filters filters) {
        filters.register(this::identify, PRIORITY);
    }

    void identify(RoutingContext routing) {
        String requestId = accepted(routing.request().getHeader(HEADER));
        LogContext.request(requestId);
        routing.response().putHeader(HEADER, requestId);
        routing.next();
    }

    static String accepted(String offered) {
        return offered != null && WELL_FORMED.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    }
}
