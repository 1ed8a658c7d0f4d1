package cloud.dangjian.core.tenancy.context;

import cloud.dangjian.core.observability.LogContext;
import jakarta.enterprise.context.RequestScoped;

/**
 * The tenant the current unit of work acts for: set once at the edge from the URL ({@link TenantRequestFilter}), or
 * explicitly by background work ({@link TenantScope}). Never set from a client header.
 */
@RequestScoped
public class TenantContext {

    private String tenantId;

    public String tenantId() {
        return tenantId;
    }

    void set(String tenantId) {
        this.tenantId = tenantId;
        // Every log line of this unit of work names its tenant (a field of the JSON logs in production).
        LogContext.tenant(tenantId);
    }
}
