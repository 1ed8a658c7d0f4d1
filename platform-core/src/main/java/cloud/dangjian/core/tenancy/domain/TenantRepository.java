package cloud.dangjian.core.tenancy.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** The tenant registry. */
@ApplicationScoped
public class TenantRepository implements PanacheRepositoryBase<Tenant, String> {
}
