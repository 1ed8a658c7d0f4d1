package cloud.dangjian.core.plugin.rest;

import cloud.dangjian.core.identity.RequiresPermission;
import cloud.dangjian.core.identity.domain.Permission;
import cloud.dangjian.core.identity.service.Caller;
import cloud.dangjian.core.plugin.service.PluginRegistry;
import cloud.dangjian.core.plugin.service.PluginSwitchboard;
import cloud.dangjian.core.plugin.spi.DangjianPlugin;
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

/** A tenant's plugins: which are on, how they are configured, and the switch. */
@Path("/api/t/{tenant}/plugins")
@Tag(name = "Plugins", description = "Feature plugins per tenant: on/off and typed configuration")
public class TenantPluginResource {

    /**
     * A change to one plugin.
     *
     * @param enabled
     *            required
     * @param config
     *            the tenant's own settings, replacing those it had; absent keeps them
     */
    public record PluginChange(Boolean enabled, Map<String, Object> config) {
    }

    @Inject
    PluginRegistry registry;

    @Inject
    PluginSwitchboard switchboard;

    @Inject
    PluginViews views;

    @Inject
    Caller caller;

    @GET
    @RequiresPermission(Permission.PLUGINS_READ)
    @Operation(summary = "Every plugin with its state, effective configuration and settings form in this tenant")
    public List<PluginViews.PluginView> list(@PathParam("tenant") String tenant) {
        return registry.all().stream().map(plugin -> views.of(tenant, plugin.descriptor())).toList();
    }

    @GET
    @Path("/{plugin}")
    @RequiresPermission(Permission.PLUGINS_READ)
    @Operation(summary = "One plugin's state and effective configuration in this tenant")
    public PluginViews.PluginView get(@PathParam("tenant") String tenant, @PathParam("plugin") String plugin) {
        return views.of(tenant, registry.require(plugin).descriptor());
    }

    @PUT
    @Path("/{plugin}")
    @RequiresPermission(Permission.PLUGINS_MANAGE)
    @Operation(summary = "Switches a plugin on or off and sets the tenant's own settings for it")
    public PluginViews.PluginView change(@PathParam("tenant") String tenant, @PathParam("plugin") String plugin,
            @NotNull PluginChange change) {
        DangjianPlugin<?> found = registry.require(plugin);
        switchboard.change(plugin, change.enabled(), change.config(), caller.username());
        return views.of(tenant, found.descriptor());
    }
}
