package cloud.dangjian.core.audit.rest;

import cloud.dangjian.core.audit.domain.AuditEvent;
import cloud.dangjian.core.audit.service.AuditTrail;
import cloud.dangjian.core.identity.RequiresPermission;
import cloud.dangjian.core.identity.domain.Permission;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A tenant's audit trail, for its administrators (and the region's and platform's). */
@Path("/api/t/{tenant}/audit")
@Tag(name = "Audit", description = "Who did what, when, in which tenant")
public class TenantAuditResource {

    /** One audit event as the API shows it. */
    public record AuditView(long id, Instant occurredAt, String username, String action, String tenant, int status,
            String detail) {
        public static AuditView of(AuditEvent e) {
            return new AuditView(e.id(), e.occurredAt(), e.username(), e.action(), e.tenantId(), e.status(),
                    e.detail());
        }
    }

    @Inject
    AuditTrail trail;

    @GET
    @RequiresPermission(Permission.AUDIT_READ)
    @Operation(summary = "The newest audit events of a tenant")
    public List<AuditView> ofTenant(@PathParam("tenant") String tenant,
            @QueryParam("size") @DefaultValue("100") @Min(value = 1, message = "must be at least 1") @Max(value = 1000, message = "must be at most 1000") int size) {
        return trail.ofTenant(tenant, size).stream().map(AuditView::of).toList();
    }
}
