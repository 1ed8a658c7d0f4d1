package cloud.dangjian.core.identity.service;

import cloud.dangjian.core.identity.Authenticated;
import cloud.dangjian.core.identity.RequiresPermission;
import cloud.dangjian.core.identity.domain.Role;
import cloud.dangjian.core.problem.ProblemException;
import cloud.dangjian.core.tenancy.domain.Slugs;
import cloud.dangjian.core.tenancy.service.TenantStatusGate;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Method;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Authorises every {@code /api/} request before anything else runs: the caller must be signed in, and must hold the
 * permission the resource method declares, in the tenant named by the URL (for {@code /api/t/{tenant}/…}) or on the
 * platform or a region (for {@code /api/admin/…}). Default-deny: a method that declares nothing is refused.
 * <p>
 * A tenant the caller has no membership in answers 404, exactly like a tenant that does not exist, so tenant ids cannot
 * be probed; a tenant they belong to but lack the permission for answers 403 naming the permission.
 */
public class AccessFilter {

    @Inject
    Caller caller;

    @Inject
    TenantAccess tenantAccess;

    @Inject
    TenantStatusGate gate;

    @Inject
    RolePermissions rolePermissions;

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public void authorise(ContainerRequestContext request, UriInfo uriInfo, ResourceInfo resource) {
        String path = uriInfo.getPath();
        if (!path.startsWith("/api/")) {
            return;
        }
        if (caller.isAnonymous()) {
            throw new ProblemException(Status.UNAUTHORIZED, "unauthenticated", "Sign-in required",
                    "Send a bearer token from the platform's Keycloak realm (see docs/identity.md)", null, null);
        }
        Method method = resource.getResourceMethod();
        if (method == null || method.isAnnotationPresent(Authenticated.class)) {
            return;
        }
        RequiresPermission required = method.getAnnotation(RequiresPermission.class);
        if (required == null) {
            required = resource.getResourceClass().getAnnotation(RequiresPermission.class);
        }
        if (required == null) {
            throw forbidden("This endpoint declares no permission, so nobody may use it");
        }
        if (path.startsWith("/api/t/")) {
            authoriseInTenant(uriInfo.getPathParameters().getFirst("tenant"), required.value());
        } else if (!caller.isPlatformAdmin()
                && !(!caller.administeredRegionPaths().isEmpty() && regionAdminMay(required.value()))) {
            throw forbidden("You need the permission '" + required.value() + "' on the platform or a region");
        }
    }

    private void authoriseInTenant(String tenant, String permission) {
        if (!Slugs.isValid(tenant)) {
            throw ProblemException.invalidField("tenant",
                    "tenant must be a slug of 2 to 63 lower-case letters, digits and inner hyphens");
        }
        TenantStatusGate.Standing standing = gate.standing(tenant);
        Caller.TenantGrant grant = standing == null ? null : caller.grantIn(tenant, standing.regionPath());
        if (grant == null || !grant.member()) {
            throw ProblemException.notFound("Tenant", tenant);
        }
        if (!grant.permissions().contains(permission)) {
            throw forbidden("You need the permission '" + permission + "' in tenant '" + tenant + "'");
        }
        tenantAccess.limitWritesTo(grant.writableOrganisations());
        tenantAccess.holdPermissions(grant.permissions());
    }

    private boolean regionAdminMay(String permission) {
        return rolePermissions.holds(Role.REGION_ADMIN, permission);
    }

    private static ProblemException forbidden(String detail) {
        return new ProblemException(Status.FORBIDDEN, "forbidden", "Forbidden", detail, null, null);
    }
}
