package cloud.dangjian.core.onboarding.service;

import cloud.dangjian.core.problem.ProblemException;
import cloud.dangjian.core.tenancy.domain.Region;
import cloud.dangjian.core.tenancy.domain.RegionRepository;
import cloud.dangjian.core.tenancy.domain.Tenant;
import cloud.dangjian.core.tenancy.domain.TenantRepository;
import cloud.dangjian.core.tenancy.domain.TenantStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The tenants an import into a region may write: the active tenants anywhere below that region. */
@ApplicationScoped
class ImportScope {

    @Inject
    RegionRepository regions;

    @Inject
    TenantRepository tenants;

    /** Active tenants below the region, by id. */
    Map<String, Tenant> tenantsBelow(String regionCode) {
        Region region = regions.findByCode(regionCode)
                .orElseThrow(() -> ProblemException.notFound("Region", regionCode));
        return tenants
                .list("status = ?1 and regionId in (select r.id from Region r where r.path like ?2)",
                        TenantStatus.ACTIVE, region.path() + "%")
                .stream().collect(Collectors.toMap(Tenant::id, Function.identity()));
    }
}
