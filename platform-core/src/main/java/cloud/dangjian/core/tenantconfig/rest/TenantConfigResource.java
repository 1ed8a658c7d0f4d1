package cloud.dangjian.core.tenantconfig.rest;

import cloud.dangjian.core.identity.RequiresPermission;
import cloud.dangjian.core.identity.domain.Permission;
import cloud.dangjian.core.identity.service.Caller;
import cloud.dangjian.core.problem.ProblemException;
import cloud.dangjian.core.tenantconfig.file.ConfigSource;
import cloud.dangjian.core.tenantconfig.service.TenantConfigApplier;
import cloud.dangjian.core.tenantconfig.service.TenantConfigReport;
import cloud.dangjian.core.tenantconfig.service.TenantConfigStartup;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response.Status;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Applies declarative tenant-config on demand: the deployment's files again (after a ConfigMap changed), or one
 * uploaded file. {@code dryRun=true} answers the difference between the files and the database and changes nothing.
 * Platform administrators only: a file can create regions and tenants anywhere.
 */
@Path("/api/admin/tenant-config")
@Tag(name = "Tenant config", description = "Declarative regions and tenants (YAML)")
public class TenantConfigResource {

    @Inject
    TenantConfigApplier applier;

    @Inject
    TenantConfigStartup startup;

    @Inject
    Caller caller;

    @POST
    @Path("/reload")
    @RequiresPermission(Permission.TENANTS_MANAGE)
    @Operation(summary = "Applies the deployment's tenant-config files again (dryRun=true: only the difference)")
    public List<TenantConfigReport> reload(@QueryParam("dryRun") @DefaultValue("false") boolean dryRun) {
        requirePlatformAdmin();
        List<TenantConfigReport> reports = new ArrayList<>();
        for (ConfigSource source : startup.sources()) {
            reports.add(applier.apply(source, dryRun));
        }
        return reports;
    }

    @POST
    @Path("/files")
    @Consumes({ "application/yaml", "application/x-yaml", "text/yaml", "text/plain" })
    @RequiresPermission(Permission.TENANTS_MANAGE)
    @Operation(summary = "Applies one region or tenant YAML file (dryRun=true: only the difference)")
    public TenantConfigReport file(@QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
            @QueryParam("name") @DefaultValue("upload.yaml") String name, String yaml) {
        requirePlatformAdmin();
        if (yaml == null || yaml.isBlank()) {
            throw ProblemException.invalidField("body", "send one region or tenant file as YAML");
        }
        return applier.apply(ConfigSource.single(name.endsWith(".yaml") ? name : name + ".yaml", yaml), dryRun);
    }

    private void requirePlatformAdmin() {
        if (!caller.isPlatformAdmin()) {
            throw ProblemException.forbidden("forbidden", "Forbidden",
                    "Only a platform administrator applies tenant-config");
        }
    }
}
