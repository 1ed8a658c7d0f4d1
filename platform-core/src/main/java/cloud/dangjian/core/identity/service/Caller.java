package cloud.dangjian.core.identity.service;

import cloud.dangjian.core.identity.domain.Permission;
import cloud.dangjian.core.identity.domain.Role;
import cloud.dangjian.core.problem.ProblemException;
import cloud.dangjian.core.tenancy.domain.Region;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The signed-in caller of this request and what their memberships allow, loaded once per request. Knows nothing of
 * URLs: {@link AccessFilter} asks it.
 */
@RequestScoped
public class Caller {

    @Inject
    SecurityIdentity identity;

    @Inject
    MembershipDirectory directory;

    @Inject
    RolePermissions rolePermissions;

    private List<MembershipDirectory.Entry> loaded;

    public String username() {
        return identity.getPrincipal().getName();
    }

    public boolean isAnonymous() {
        return identity.isAnonymous();
    }

    /** The caller's memberships, loaded once per request (and cached briefly across requests). */
    public List<MembershipDirectory.Entry> memberships() {
        if (loaded == null) {
            loaded = directory.of(username());
        }
        return loaded;
    }

    public boolean isPlatformAdmin() {
        return memberships().stream().anyMatch(m -> m.role() == Role.PLATFORM_ADMIN);
    }

    /** The region subtrees this caller administers, as path prefixes (empty for a platform admin: see above). */
    public List<String> administeredRegionPaths() {
        return memberships().stream().filter(m -> m.role() == Role.REGION_ADMIN)
                .map(MembershipDirectory.Entry::regionPath).toList();
    }

    /** Whether the caller may act on a region subtree at all: platform admins anywhere, region admins below theirs. */
    public boolean administers(String regionPath) {
        return isPlatformAdmin() || administeredRegionPaths().stream().anyMatch(regionPath::startsWith);
    }

    /** Refuses, as if the region did not exist, a region outside the caller's administration. */
    public void requireAdministers(Region region) {
        if (!administers(region.path())) {
            throw ProblemException.notFound("Region", region.code());
        }
    }

    /** Every permission the caller holds in a tenant, with the organisation subtrees that limit writes. */
    public TenantGrant grantIn(String tenantId, String tenantRegionPath) {
        Set<String> permissions = new HashSet<>();
        List<Long> limitedTo = new ArrayList<>();
        boolean member = false;
        boolean writesWholeTenant = false;
        for (MembershipDirectory.Entry membership : memberships()) {
            boolean applies = switch (membership.role().scope()) {
                case PLATFORM -> true;
                case REGION -> administeredRegionPaths().stream().anyMatch(tenantRegionPath::startsWith);
                case TENANT, ORGANISATION -> tenantId.equals(membership.tenantId());
            };
            if (!applies) {
                continue;
            }
            member = true;
            permissions.addAll(rolePermissions.of(membership.role()));
            if (membership.role() == Role.BRANCH_SECRETARY) {
                limitedTo.add(membership.organisationId());
            } else if (membership.role().permissions().contains(Permission.MEMBERS_WRITE)) {
                writesWholeTenant = true;
            }
        }
        return new TenantGrant(member, Set.copyOf(permissions), writesWholeTenant ? List.of() : List.copyOf(limitedTo));
    }

    /**
     * What a caller may do in one tenant.
     *
     * @param member
     *            whether any membership reaches the tenant at all
     * @param permissions
     *            the union of the permissions of those memberships
     * @param writableOrganisations
     *            when not empty, writes are limited to these organisations' subtrees
     */
    public record TenantGrant(boolean member, Set<String> permissions, List<Long> writableOrganisations) {
    }
}
