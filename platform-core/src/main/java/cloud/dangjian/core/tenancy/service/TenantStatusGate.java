package cloud.dangjian.core.tenancy.service;

import cloud.dangjian.core.problem.ProblemException;
import cloud.dangjian.core.tenancy.domain.Region;
import cloud.dangjian.core.tenancy.domain.RegionRepository;
import cloud.dangjian.core.tenancy.domain.Tenant;
import cloud.dangjian.core.tenancy.domain.TenantRepository;
import cloud.dangjian.core.tenancy.domain.TenantStatus;
import io.quarkus.cache.CacheInvalidate;
import io.quarkus.cache.CacheInvalidateAll;
import io.quarkus.cache.CacheKey;
import io.quarkus.cache.CacheResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.Set;

/**
 * Decides whether a tenant's API may answer: the tenant exists, is active, and its plan has not expired. Answers are
 * cached briefly (see {@code quarkus.cache.caffeine."tenant-standing"}) because every tenant request asks.
 */
@ApplicationScoped
public class TenantStatusGate {

    /** What the gate knows of a tenant, small enough to cache. */
    public record Standing(String tenantId, TenantStatus status, LocalDate expiresOn, int memberQuota,
            String regionPath, Set<String> planPlugins) {

        /** Whether the tenant's plan lets it switch a plugin on. */
        public boolean planAllows(String pluginId) {
            return planPlugins.contains(pluginId);
        }
    }

    @Inject
    TenantRepository tenants;

    @Inject
    RegionRepository regions;

    @CacheResult(cacheName = "tenant-standing")
    @Transactional(Transactional.TxType.SUPPORTS)
    public Standing standing(@CacheKey String tenantId) {
        Tenant tenant = tenants.findById(tenantId);
        if (tenant == null) {
            return null;
        }
        Region region = regions.findById(tenant.regionId());
        return new Standing(tenant.id(), tenant.status(), tenant.plan().expiresOn(), tenant.plan().memberQuota(),
                region.path(), Set.copyOf(tenant.plan().plugins()));
    }

    /** Refuses with a problem unless the tenant may be served today. */
    public Standing requireServable(String tenantId) {
        Standing standing = standing(tenantId);
        if (standing == null) {
            throw ProblemException.notFound("Tenant", tenantId);
        }
        switch (standing.status()) {
            case SUSPENDED ->
                    throw ProblemException.forbidden("tenant-suspended", "Tenant suspended", "Tenant '" + tenantId
                            + "' is suspended; its data is kept. Ask its region administrator to " + "reactivate it.");
            case ARCHIVED -> throw ProblemException.forbidden("tenant-archived", "Tenant archived",
                    "Tenant '" + tenantId + "' is archived; its data is kept for the record.");
            case ACTIVE -> {
            }
        }
        if (standing.expiresOn() != null && standing.expiresOn().isBefore(LocalDate.now())) {
            throw ProblemException.forbidden("tenant-plan-expired", "Tenant plan expired",
                    "The plan of tenant '" + tenantId + "' expired on " + standing.expiresOn()
                            + "; its data is kept. Renew the plan to continue.");
        }
        return standing;
    }

    @CacheInvalidate(cacheName = "tenant-standing")
    public void forget(@CacheKey String tenantId) {
        // The annotation does the work.
    }

    @CacheInvalidateAll(cacheName = "tenant-standing")
    public void forgetAll() {
        // The annotation does the work.
    }
}
