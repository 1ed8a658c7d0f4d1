package cloud.dangjian.core.plugin.rest;

import cloud.dangjian.core.identity.RequiresPermission;
import cloud.dangjian.core.identity.domain.Permission;
import cloud.dangjian.core.identity.service.Caller;
import cloud.dangjian.core.plugin.service.PluginRegistry;
import cloud.dangjian.core.plugin.service.RegionPluginDefaults;
import cloud.dangjian.core.tenancy.domain.Region;
import cloud.dangjian.core.tenancy.service.RegionService;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Plugin defaults a region administrator sets for every tenant below their region. */
@Path("/api/admin/regions/{region}/plugins")
@Tag(name = "Plugins", description = "Feature plugins per tenant: on/off and typed configuration")
@RequiresPermission(Permission.PLUGINS_MANAGE)
public class RegionPluginResource {

    /** The region's settings for one plugin, replacing those it had. */
    public record RegionChange(@NotNull Map<String, Object> config) {
    }

    @Inject
    RegionService regions;

    @Inject
    RegionPluginDefaults defaults;

    @Inject
    PluginRegistry registry;

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "The region's settings for every plugin and what they produce for its tenants")
    public List<RegionPluginDefaults.RegionSettings> list(@PathParam("region") String code) {
        Region region = administered(code);
        return registry.all().stream().map(plugin -> defaults.get(region, plugin.descriptor().id())).toList();
    }

    @GET
    @Path("/{plugin}")
    @Operation(summary = "The region's settings for one plugin")
    public RegionPluginDefaults.RegionSettings get(@PathParam("region") String code,
            @PathParam("plugin") String plugin) {
        return defaults.get(administered(code), plugin);
    }

    @PUT
    @Path("/{plugin}")
    @Operation(summary = "Sets the region's defaults for a plugin, including settings only a region may set")
    public RegionPluginDefaults.RegionSettings change(@PathParam("region") String code,
            @PathParam("plugin") String plugin, @NotNull RegionChange change) {
        return defaults.change(administered(code), plugin, change.config(), caller.username());
    }

    private Region administered(String code) {
        Region region = regions.get(code);
        caller.requireAdministers(region);
        return region;
    }
}
