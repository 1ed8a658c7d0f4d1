package cloud.dangjian.core.audit.service;

import cloud.dangjian.core.identity.service.Caller;
import cloud.dangjian.core.tenancy.context.TenantScope;
import cloud.dangjian.core.tenancy.domain.Slugs;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Records every change made through the API or a page's form (any method but GET and HEAD) and every refusal (401,
 * 403), with the caller, the tenant from the URL and the outcome.
 */
public class AuditFilter {

    @Inject
    AuditTrail trail;

    @Inject
    Caller caller;

    @Inject
    TenantScope tenantScope;

    @ServerResponseFilter
    public void audit(ContainerRequestContext request, ContainerResponseContext response, UriInfo uriInfo) {
        String path = uriInfo.getPath();
        // The API and the web shell's pages: a change made through a form is recorded like one made through the API.
        boolean page = path.startsWith("/t/");
        if (!path.startsWith("/api/") && !page) {
            return;
        }
        String method = request.getMethod();
        int status = response.getStatus();
        boolean change = !"GET".equals(method) && !"HEAD".equals(method);
        boolean refused = status == 401 || status == 403;
        if (!change && !refused) {
            return;
        }
        String username = null;
        try {
            username = caller.isAnonymous() ? null : caller.username();
        } catch (RuntimeException unusableToken) {
            // A refused token has no caller; the refusal itself is what is recorded.
        }
        String tenant = path.startsWith("/api/t/") || page ? uriInfo.getPathParameters().getFirst("tenant") : null;
        if (tenant != null && !Slugs.isValid(tenant)) {
            tenant = null;
        }
        String query = uriInfo.getRequestUri().getRawQuery();
        String action = method + " " + path + (query == null ? "" : "?" + query);
        String who = username;
        String where = tenant;
        Runnable append = () -> trail.record(who, action, where, status, refused ? "refused" : null);
        if (Context.isOnEventLoopThread()) {
            // Requests that matched no resource are answered on the I/O thread, which must not block on the database.
            // A worker thread has no request context of its own: record as platform-level work.
            Infrastructure.getDefaultWorkerPool().execute(() -> tenantScope.run(null, append));
        } else {
            append.run();
        }
    }
}
