package cloud.dangjian.core.audit.rest;

import cloud.dangjian.core.audit.service.AuditTrail;
import cloud.dangjian.core.identity.RequiresPermission;
import cloud.dangjian.core.identity.domain.Permission;
import cloud.dangjian.core.identity.service.Caller;
import cloud.dangjian.core.tenancy.service.RegionService;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit trail of every tenant below a region, for its administrators. */
@Path("/api/admin/regions/{region}/audit")
@Tag(name = "Audit", description = "Who did what, when, in which tenant")
public class RegionAuditResource {

    @Inject
    AuditTrail trail;

    @Inject
    Caller caller;

    @Inject
    RegionService regions;

    @GET
    @RequiresPermission(Permission.AUDIT_READ)
    @Operation(summary = "The newest audit events of every tenant below a region")
    public List<TenantAuditResource.AuditView> ofRegion(@PathParam("region") String region,
            @QueryParam("size") @DefaultValue("100") @Min(value = 1, message = "must be at least 1") @Max(value = 1000, message = "must be at most 1000") int size) {
        var found = regions.get(region);
        caller.requireAdministers(found);
        return trail.ofRegion(found.path(), size).stream().map(TenantAuditResource.AuditView::of).toList();
    }
}
