package cloud.dangjian.core.tenancy.service;

import cloud.dangjian.core.paging.PageOf;
import cloud.dangjian.core.problem.ProblemException;
import cloud.dangjian.core.tenancy.domain.Region;
import cloud.dangjian.core.tenancy.domain.RegionRepository;
import cloud.dangjian.core.tenancy.domain.Tenant;
import cloud.dangjian.core.tenancy.domain.TenantPlan;
import cloud.dangjian.core.tenancy.domain.TenantRepository;
import cloud.dangjian.core.tenancy.domain.TenantStatus;
import cloud.dangjian.core.tenancy.domain.TenantType;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;

/** The tenant registry: onboarding, plans, and the status switches of the tenant lifecycle. */
@ApplicationScoped
public class TenantService {

    /** What a tenant is onboarded or updated with. */
    public record TenantDraft(String name, TenantType type, String regionCode, TenantPlan plan) {
    }

    /** Filters for the tenant list; every one is optional. */
    public record TenantFilter(String regionCode, TenantType type, TenantStatus status) {
    }

    @Inject
    TenantRepository tenants;

    @Inject
    RegionRepository regions;

    @Inject
    TenantStatusGate gate;

    @Transactional
    public Tenant create(String id, TenantDraft draft) {
        if (tenants.findById(id) != null) {
            throw ProblemException.conflict("id", "a tenant with id '" + id + "' already exists");
        }
        Tenant tenant = new Tenant(id, draft.name(), draft.type(), region(draft.regionCode()), draft.plan());
        tenants.persist(tenant);
        gate.forget(id);
        return tenant;
    }

    @Transactional
    public Tenant update(String id, TenantDraft draft) {
        Tenant tenant = get(id);
        tenant.update(draft.name(), draft.type(), region(draft.regionCode()), draft.plan());
        gate.forget(id);
        return tenant;
    }

    @Transactional
    public Tenant changeStatus(String id, TenantStatus status) {
        Tenant tenant = get(id);
        tenant.changeStatus(status);
        gate.forget(id);
        return tenant;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Tenant get(String id) {
        Tenant tenant = tenants.findById(id);
        if (tenant == null) {
            throw ProblemException.notFound("Tenant", id);
        }
        return tenant;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageOf<Tenant> list(TenantFilter filter, int page, int size) {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (filter.regionCode() != null) {
            Region region = regions.findByCode(filter.regionCode()).orElseThrow(
                    () -> ProblemException.invalidField("region", "no region has code '" + filter.regionCode() + "'"));
            conditions.add("regionId in (select r.id from Region r where r.path like :regionPath)");
            parameters.and("regionPath", region.path() + "%");
        }
        if (filter.type() != null) {
            conditions.add("type = :type");
            parameters.and("type", filter.type());
        }
        if (filter.status() != null) {
            conditions.add("status = :status");
            parameters.and("status", filter.status());
        }
        String query = conditions.isEmpty() ? "" : String.join(" and ", conditions);
        PanacheQuery<Tenant> found = tenants.find(query, Sort.by("id"), parameters).page(Page.of(page, size));
        return new PageOf<>(found.list(), page, size, found.count());
    }

    private Region region(String code) {
        return regions.findByCode(code)
                .orElseThrow(() -> ProblemException.invalidField("regionCode", "no region has code '" + code + "'"));
    }
}
