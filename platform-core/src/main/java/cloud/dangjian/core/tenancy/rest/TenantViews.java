package cloud.dangjian.core.tenancy.rest;

import cloud.dangjian.core.tenancy.domain.Region;
import cloud.dangjian.core.tenancy.domain.RegionRepository;
import cloud.dangjian.core.tenancy.domain.Tenant;
import cloud.dangjian.core.tenancy.rest.TenantResource.PlanBody;
import cloud.dangjian.core.tenancy.rest.TenantResource.TenantView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Turns tenants into API views, looking their region codes up in one query per page. */
@ApplicationScoped
class TenantViews {

    @Inject
    RegionRepository regions;

    @Transactional(Transactional.TxType.SUPPORTS)
    TenantView of(Tenant tenant) {
        return of(List.of(tenant)).get(0);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    List<TenantView> of(List<Tenant> tenants) {
        List<Long> ids = tenants.stream().map(Tenant::regionId).distinct().toList();
        Map<Long, String> codes = ids.isEmpty() ? Map.of()
                : regions.list("id in ?1", ids).stream()
                        .collect(Collectors.toMap(Region::id, Region::code, (a, b) -> a));
        return tenants.stream().map(t -> new TenantView(t.id(), t.name(), t.type(), codes.get(t.regionId()), t.status(),
                PlanBody.of(t.plan()), t.createdAt(), t.updatedAt())).toList();
    }
}
