package cloud.dangjian.core.plugin.rest;

import cloud.dangjian.core.identity.service.Caller;
import cloud.dangjian.core.plugin.service.PluginRegistry;
import cloud.dangjian.core.plugin.service.PluginStates;
import cloud.dangjian.core.problem.ProblemException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Hides a plugin's API and pages in every tenant where it is off: {@code /api/t/{tenant}/{plugin-id}/…} and
 * {@code /t/{tenant}/{plugin-id}/…} answer 404 there, as if the plugin did not exist, while its data stays and other
 * tenants are unaffected. Runs after access control, so a caller who may not see the tenant learns nothing about its
 * plugins either.
 */
public class PluginGate {

    private static final String TENANT_API = "/api/t/";
    private static final String TENANT_PAGES = "/t/";

    @Inject
    PluginRegistry registry;

    @Inject
    PluginStates states;

    @Inject
    Caller caller;

    @ServerRequestFilter(priority = Priorities.AUTHORIZATION)
    public void requireEnabled(ContainerRequestContext request, UriInfo uriInfo) {
        String path = uriInfo.getPath();
        String prefix = path.startsWith(TENANT_API) ? TENANT_API : path.startsWith(TENANT_PAGES) ? TENANT_PAGES : null;
        if (prefix == null || (prefix.equals(TENANT_PAGES) && caller.isAnonymous())) {
            // A page asked for without a session: signing in comes first, and tells nothing about plugins.
            return;
        }
        int tenantEnd = path.indexOf('/', prefix.length());
        if (tenantEnd < 0) {
            return;
        }
        int segmentEnd = path.indexOf('/', tenantEnd + 1);
        String segment = path.substring(tenantEnd + 1, segmentEnd < 0 ? path.length() : segmentEnd);
        if (!registry.isPlugin(segment)) {
            return;
        }
        String tenant = path.substring(prefix.length(), tenantEnd);
        if (!states.isEnabled(tenant, segment)) {
            throw ProblemException.notFound("Plugin", segment);
        }
    }
}
