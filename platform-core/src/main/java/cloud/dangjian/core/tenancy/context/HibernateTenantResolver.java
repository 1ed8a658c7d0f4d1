package cloud.dangjian.core.tenancy.context;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.hibernate.orm.runtime.tenant.TenantResolver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Gives Hibernate's discriminator multi-tenancy the current tenant, so entities with a {@code @TenantId} are filled and
 * filtered. Platform-level work gets a tenant id no tenant can have, so it sees no tenant rows.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class HibernateTenantResolver implements TenantResolver {

    /** Not a valid slug, so it can never match a tenant's rows. */
    static final String NO_TENANT = "_platform_";

    @Inject
    CurrentTenant currentTenant;

    @Override
    public String getDefaultTenantId() {
        return NO_TENANT;
    }

    @Override
    public String resolveTenantId() {
        return currentTenant.id().orElse(NO_TENANT);
    }
}
