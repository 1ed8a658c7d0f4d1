package cloud.dangjian.core.identity.service;

import cloud.dangjian.core.identity.domain.MembershipRepository;
import cloud.dangjian.core.identity.domain.Role;
import cloud.dangjian.core.tenancy.domain.RegionRepository;
import io.quarkus.cache.CacheInvalidateAll;
import io.quarkus.cache.CacheKey;
import io.quarkus.cache.CacheResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * A user's memberships as every request needs them, cached briefly (see {@code quarkus.cache.caffeine.memberships}):
 * without the cache each API call paid a transaction and two queries before doing its work.
 */
@ApplicationScoped
public class MembershipDirectory {

    /**
     * One membership, with the path of its region resolved.
     *
     * @param regionPath
     *            for a region administrator, the path prefix of the region they administer
     */
    public record Entry(Role role, Long regionId, String regionPath, String tenantId, Long organisationId) {
    }

    @Inject
    MembershipRepository memberships;

    @Inject
    RegionRepository regions;

    @CacheResult(cacheName = "memberships")
    @Transactional
    public List<Entry> of(@CacheKey String username) {
        return memberships.ofUser(username).stream()
                .map(m -> new Entry(m.role(), m.regionId(),
                        m.regionId() == null ? null : regions.findById(m.regionId()).path(), m.tenantId(),
                        m.organisationId()))
                .toList();
    }

    @CacheInvalidateAll(cacheName = "memberships")
    public void forgetAll() {
        // The annotation does the work.
    }
}
