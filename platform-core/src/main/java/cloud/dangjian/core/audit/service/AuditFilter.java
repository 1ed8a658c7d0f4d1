package cloud.dangjian.core.audit.service;

import cloud.dangjian.core.identity.service.Caller;
import cloud.dangjian.core.tenancy.context.TenantScope;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Records every change made through the API (any method but GET and HEAD) and every refusal (401, 403), with the
 * caller, the tenant from the URL and the outcome; the web shell's forms under {@code /t/{tenant}/} likewise, since
 * they change the same things through the same services.
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
        if (tenant != null && tenant.length() > 63) {
            tenant = tenant.substring(0, 63);
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
