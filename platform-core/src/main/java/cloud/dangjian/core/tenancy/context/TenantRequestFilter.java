package cloud.dangjian.core.tenancy.context;

import cloud.dangjian.core.problem.ProblemException;
import cloud.dangjian.core.tenancy.domain.Slugs;
import cloud.dangjian.core.tenancy.service.TenantStatusGate;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Resolves the tenant once, at the edge, from the {@code {tenant}} segment of {@code /api/t/{tenant}/…}. Never from a
 * header. A malformed slug is refused before any lookup; an unknown, suspended, archived or expired tenant is refused
 * with a problem that says which.
 */
public class TenantRequestFilter {

    static final String TENANT_PARAMETER = "tenant";

    @Inject
    TenantContext context;

    @Inject
    TenantStatusGate gate;

    @ServerRequestFilter
    public void resolveTenant(ContainerRequestContext request, UriInfo uriInfo) {
        if (!uriInfo.getPath().startsWith("/api/t/")) {
            return;
        }
        String tenant = uriInfo.getPathParameters().getFirst(TENANT_PARAMETER);
        if (tenant == null) {
            return;
        }
        if (!Slugs.isValid(tenant)) {
            throw ProblemException.invalidField(TENANT_PARAMETER,
                    "tenant must be a slug of 2 to 63 lower-case letters, digits and inner hyphens");
        }
        gate.requireServable(tenant);
        context.set(tenant);
    }
}
