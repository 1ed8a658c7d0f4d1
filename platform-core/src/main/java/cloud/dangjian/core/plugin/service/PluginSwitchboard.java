package cloud.dangjian.core.plugin.service;

import cloud.dangjian.core.database.AfterCommit;
import cloud.dangjian.core.event.PlatformEvents;
import cloud.dangjian.core.event.service.DomainEvents;
import cloud.dangjian.core.plugin.domain.TenantPlugin;
import cloud.dangjian.core.plugin.domain.TenantPluginRepository;
import cloud.dangjian.core.plugin.spi.DangjianPlugin;
import cloud.dangjian.core.plugin.spi.PluginDescriptor;
import cloud.dangjian.core.plugin.spi.TenantPluginContext;
import cloud.dangjian.core.problem.ProblemException;
import cloud.dangjian.core.tenancy.context.CurrentTenant;
import cloud.dangjian.core.tenancy.service.TenantStatusGate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Switches a plugin on or off for the current tenant and stores its settings, in one transaction with the plugin's
 * lifecycle hook and the event announcing the change: a hook that throws, or a configuration that does not validate,
 * leaves everything as it was.
 */
@ApplicationScoped
public class PluginSwitchboard {

    @Inject
    PluginRegistry registry;

    @Inject
    PluginConfigurations configurations;

    @Inject
    PluginStates states;

    @Inject
    TenantPluginRepository tenantPlugins;

    @Inject
    TenantStatusGate gate;

    @Inject
    CurrentTenant currentTenant;

    @Inject
    DomainEvents events;

    @Inject
    AfterCommit afterCommit;

    /**
     * @param enabled
     *            the switch, required
     * @param overrides
     *            the tenant's own settings, replacing those it had; null keeps them
     */
    @Transactional
    public void change(String pluginId, Boolean enabled, Map<String, Object> overrides, String changedBy) {
        DangjianPlugin<?> plugin = registry.require(pluginId);
        if (enabled == null) {
            throw ProblemException.invalidField("enabled", "enabled is required: true or false");
        }
        String tenantId = currentTenant.require();
        if (enabled && !gate.standing(tenantId).planAllows(pluginId)) {
            throw new ProblemException(jakarta.ws.rs.core.Response.Status.FORBIDDEN, "plugin-not-in-plan",
                    "Plugin not in the tenant's plan", "The plan of tenant '" + tenantId + "' does not include plugin '"
                            + pluginId + "'; the region administrator can add it to the plan",
                    "enabled", null);
        }
        apply(plugin, tenantId, enabled, overrides, changedBy);
        // Drop this node's cached state once the change is visible to other transactions, not before.
        afterCommit.run(() -> states.forget(tenantId, pluginId));
    }

    private <C> void apply(DangjianPlugin<C> plugin, String tenantId, boolean enabled, Map<String, Object> overrides,
            String changedBy) {
        PluginDescriptor<C> descriptor = plugin.descriptor();
        PluginStates.State before = states.compute(tenantId, descriptor.id());
        Map<String, Object> settings = overrides == null ? before.overrides() : overrides;
        List<Map<String, Object>> inherited = List.of(before.inherited());
        C configuration = configurations.check(descriptor, inherited, settings, false);

        TenantPlugin row = tenantPlugins.findByPlugin(descriptor.id()).orElse(null);
        if (row == null) {
            tenantPlugins.persist(new TenantPlugin(descriptor.id(), enabled, settings, changedBy));
        } else {
            row.change(enabled, settings, changedBy);
        }

        TenantPluginContext<C> context = new TenantPluginContext<>(tenantId, descriptor.id(), configuration, changedBy);
        C previous = descriptor.configurationType().cast(before.configuration());
        boolean configurationChanged = !Objects.equals(previous, configuration);
        String eventType;
        if (enabled && !before.switchedOn()) {
            plugin.onEnabled(context);
            eventType = PlatformEvents.PLUGIN_ENABLED;
        } else if (!enabled && before.switchedOn()) {
            plugin.onDisabled(context);
            eventType = PlatformEvents.PLUGIN_DISABLED;
        } else {
            if (enabled && configurationChanged) {
                plugin.onConfigurationChanged(context, previous);
            }
            eventType = PlatformEvents.PLUGIN_CONFIGURED;
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("plugin", descriptor.id());
        payload.put("enabled", enabled);
        payload.put("overrides", settings);
        payload.put("changedBy", changedBy);
        events.publish(eventType, payload);
    }
}
