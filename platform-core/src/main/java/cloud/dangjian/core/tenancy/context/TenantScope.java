package cloud.dangjian.core.tenancy.context;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Supplier;

/**
 * Runs work as a given tenant: the way background work (importers, seeders, event consumers) carries the tenant
 * explicitly. The previous tenant is restored in {@code finally}, so a thread never keeps a tenant it was lent.
 */
@ApplicationScoped
public class TenantScope {

    @Inject
    TenantContext context;

    public <T> T call(String tenantId, Supplier<T> work) {
        ManagedContext requestContext = Arc.container().requestContext();
        boolean activated = !requestContext.isActive();
        if (activated) {
            requestContext.activate();
        }
        String previous = context.tenantId();
        try {
            context.set(tenantId);
            return work.get();
        } finally {
            context.set(previous);
            if (activated) {
                requestContext.terminate();
            }
        }
    }

    /** Runs platform-level work (no tenant: tenant rows stay invisible) from any thread, such as a relay or a timer. */
    public <T> T platform(Supplier<T> work) {
        return call(null, work);
    }

    public void run(String tenantId, Runnable work) {
        call(tenantId, () -> {
            work.run();
            return null;
        });
    }
}
