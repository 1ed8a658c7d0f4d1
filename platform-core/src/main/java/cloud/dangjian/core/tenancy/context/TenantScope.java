package cloud.dangjian.core.tenancy.context;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
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

    /**
     * Runs work as a tenant in a transaction of its own, which starts as that tenant: row-level security sees the
     * tenant's rows only in a transaction whose connection was lent after the tenant was set.
     */
    public <T> T inTransaction(String tenantId, Supplier<T> work) {
        return call(tenantId, () -> QuarkusTransaction.requiringNew().call(work::get));
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
