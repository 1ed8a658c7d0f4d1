package cloud.dangjian.core.identity.service;

import cloud.dangjian.core.identity.domain.Membership;
import cloud.dangjian.core.identity.domain.MembershipRepository;
import cloud.dangjian.core.identity.domain.Role;
import cloud.dangjian.core.organisation.domain.OrganisationRepository;
import cloud.dangjian.core.problem.ProblemException;
import cloud.dangjian.core.tenancy.context.CurrentTenant;
import cloud.dangjian.core.tenancy.context.TenantScope;
import cloud.dangjian.core.tenancy.domain.Region;
import cloud.dangjian.core.tenancy.domain.RegionRepository;
import cloud.dangjian.core.tenancy.domain.Tenant;
import cloud.dangjian.core.tenancy.domain.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/** Grants and lists memberships; idempotent, so seeders and repeated onboarding can grant again safely. */
@ApplicationScoped
public class MembershipService {

    /** A membership to grant: the scope fields its role needs, the others null. */
    public record Grant(String username, Role role, String regionCode, String tenantId, Long organisationId) {
    }

    @Inject
    MembershipRepository memberships;

    @Inject
    RegionRepository regions;

    @Inject
    TenantRepository tenants;

    @Inject
    OrganisationRepository organisations;

    @Inject
    TenantScope tenantScope;

    @Inject
    MembershipDirectory directory;

    @Inject
    CurrentTenant currentTenant;

    @Transactional
    public Membership grant(Grant grant) {
        Role role = grant.role();
        Long regionId = null;
        if (role == Role.REGION_ADMIN) {
            regionId = regions.findByCode(require(grant.regionCode(), "regionCode"))
                    .orElseThrow(() -> ProblemException.invalidField("regionCode", "no such region")).id();
        }
        String tenantId = null;
        if (role.scope() == Role.Scope.TENANT || role.scope() == Role.Scope.ORGANISATION) {
            tenantId = require(grant.tenantId(), "tenant");
            if (tenants.findById(tenantId) == null) {
                throw ProblemException.invalidField("tenant", "no tenant '" + tenantId + "'");
            }
        }
        Long organisationId = null;
        if (role.scope() == Role.Scope.ORGANISATION) {
            Long wanted = grant.organisationId();
            if (wanted == null) {
                throw ProblemException.invalidField("organisationId", "a branch secretary needs an organisation");
            }
            // A tenant's rows are visible only to a transaction that starts as that tenant: this one, when it did
            // (tenant-config grants inside the tenant's own transaction), a new one otherwise.
            boolean exists = tenantId.equals(currentTenant.id().orElse(null))
                    ? organisations.findByIdOptional(wanted).isPresent()
                    : tenantScope.inTransaction(tenantId, () -> organisations.findByIdOptional(wanted).isPresent());
            if (!exists) {
                throw ProblemException.invalidField("organisationId", "no organisation " + wanted + " in the tenant");
            }
            organisationId = wanted;
        }
        Long region = regionId;
        String tenant = tenantId;
        Long organisation = organisationId;
        return memberships.ofUser(grant.username()).stream()
                .filter(m -> m.role() == role && java.util.Objects.equals(m.regionId(), region)
                        && java.util.Objects.equals(m.tenantId(), tenant)
                        && java.util.Objects.equals(m.organisationId(), organisation))
                .findFirst().orElseGet(() -> {
                    Membership created = new Membership(grant.username(), role, region, tenant, organisation);
                    memberships.persist(created);
                    directory.forgetAll();
                    return created;
                });
    }

    @Transactional
    public List<Membership> ofUser(String username) {
        return memberships.ofUser(username);
    }

    /** The region a membership is scoped to, for checking that an administrator may grant it. */
    @Transactional
    public Region regionOf(Grant grant) {
        if (grant.regionCode() != null) {
            return regions.findByCode(grant.regionCode())
                    .orElseThrow(() -> ProblemException.invalidField("regionCode", "no such region"));
        }
        if (grant.tenantId() != null) {
            Tenant tenant = tenants.findById(grant.tenantId());
            if (tenant == null) {
                throw ProblemException.invalidField("tenant", "no tenant '" + grant.tenantId() + "'");
            }
            return regions.findById(tenant.regionId());
        }
        return null;
    }

    private static String require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalidField(field, field + " is required for this role");
        }
        return value;
    }
}
