package cloud.dangjian.core.tenancy.context;

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
    }
}
