package cloud.dangjian.core.web.service;

import cloud.dangjian.core.identity.service.Caller;
import cloud.dangjian.core.identity.service.TenantAccess;
import cloud.dangjian.core.tenancy.domain.Slugs;
import cloud.dangjian.core.tenancy.service.TenantStatusGate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;

/**
 * The same rule for pages as {@code AccessFilter} applies to the API: a tenant the caller has no membership in does not
 * exist for them (404), and what they may do there is the union of their memberships' permissions. The grant is also
 * handed to {@link TenantAccess}, so the services a page calls limit writes as they do for the API.
 */
@ApplicationScoped
public class ShellAccess {

    @Inject
    Caller caller;

    @Inject
    TenantStatusGate gate;

    @Inject
    TenantAccess tenantAccess;

    public Caller.TenantGrant grantIn(String tenant) {
        TenantStatusGate.Standing standing = Slugs.isValid(tenant) ? gate.standing(tenant) : null;
        Caller.TenantGrant grant = standing == null ? null : caller.grantIn(tenant, standing.regionPath());
        if (grant == null || !grant.member()) {
            throw new NotFoundException();
        }
        tenantAccess.adopt(grant);
        return grant;
    }

    /** The caller's grant in a tenant they belong to, refused with 403 unless it holds {@code permission}. */
    public Caller.TenantGrant require(String tenant, String permission) {
        Caller.TenantGrant grant = grantIn(tenant);
        if (!grant.permissions().contains(permission)) {
            throw new ForbiddenException("You need the permission '" + permission + "' in this organisation");
        }
        return grant;
    }
}
