package cloud.dangjian.core.tenancy.context;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/** Reads the tenant of the current unit of work from any bean, with or without an active request context. */
@ApplicationScoped
public class CurrentTenant {

    @Inject
    TenantContext context;

    /** The current tenant, or empty for platform-level work (regions, the tenant registry). */
    public Optional<String> id() {
        ManagedContext requestContext = Arc.container().requestContext();
        if (!requestContext.isActive()) {
            return Optional.empty();
        }
        return Optional.ofNullable(context.tenantId());
    }

    /** The current tenant; fails loudly if code that needs a tenant runs without one. */
    public String require() {
        return id().orElseThrow(() -> new IllegalStateException(
                "No current tenant: tenant data must be reached through /api/t/{tenant}/… or TenantScope"));
    }
}
