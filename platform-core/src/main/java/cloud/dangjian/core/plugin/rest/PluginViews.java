package cloud.dangjian.core.plugin.rest;

import cloud.dangjian.core.plugin.service.PluginStates;
import cloud.dangjian.core.plugin.spi.LocalizedText;
import cloud.dangjian.core.plugin.spi.MenuEntry;
import cloud.dangjian.core.plugin.spi.PermissionGrant;
import cloud.dangjian.core.plugin.spi.PluginDescriptor;
import cloud.dangjian.core.tenancy.service.TenantStatusGate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Shapes a plugin and its state in a tenant for the API and the admin console's generated forms. */
@ApplicationScoped
public class PluginViews {

    /**
     * A plugin as a tenant sees it.
     *
     * @param allowedByPlan
     *            whether the tenant's plan lets it be switched on
     * @param enabled
     *            whether it answers in the tenant now (allowed and switched on)
     * @param config
     *            the effective configuration
     * @param overrides
     *            the settings the tenant set itself
     * @param inherited
     *            the plugin's defaults with the region's settings over them: what the tenant gets without overrides
     */
    public record PluginView(String id, LocalizedText name, LocalizedText description, String version,
            boolean allowedByPlan, boolean enabled, Map<String, Object> config, Map<String, Object> overrides,
            Map<String, Object> inherited, String configurationError, List<ConfigurationSchema.SettingView> settings,
            List<PermissionGrant> permissions, Set<String> publishes, Set<String> consumes, List<MenuEntry> menu) {
    }

    @Inject
    PluginStates states;

    @Inject
    TenantStatusGate gate;

    @Inject
    ConfigurationSchema schema;

    public PluginView of(String tenantId, PluginDescriptor<?> descriptor) {
        PluginStates.State state = states.state(tenantId, descriptor.id());
        boolean allowed = gate.standing(tenantId).planAllows(descriptor.id());
        return new PluginView(descriptor.id(), descriptor.name(), descriptor.description(), descriptor.version(),
                allowed, allowed && state.switchedOn(), state.effective(), state.overrides(), state.inherited(),
                state.configurationError(), schema.of(descriptor), descriptor.permissions(), descriptor.publishes(),
                descriptor.consumes(), descriptor.menu());
    }
}
