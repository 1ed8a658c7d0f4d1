package cloud.dangjian.core.plugin.service;

import cloud.dangjian.core.plugin.domain.RegionPluginDefault;
import cloud.dangjian.core.plugin.domain.RegionPluginDefaultRepository;
import cloud.dangjian.core.plugin.domain.TenantPlugin;
import cloud.dangjian.core.plugin.domain.TenantPluginRepository;
import cloud.dangjian.core.plugin.spi.PluginDescriptor;
import cloud.dangjian.core.problem.ProblemException;
import cloud.dangjian.core.tenancy.context.CurrentTenant;
import cloud.dangjian.core.tenancy.context.TenantScope;
import cloud.dangjian.core.tenancy.service.TenantStatusGate;
import io.quarkus.cache.CacheInvalidate;
import io.quarkus.cache.CacheInvalidateAll;
import io.quarkus.cache.CacheKey;
import io.quarkus.cache.CacheResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * What is in force for one plugin in one tenant: whether it is on and the typed configuration it runs with. Asked on
 * every plugin request and every event, so answers are cached briefly (see
 * {@code quarkus.cache.caffeine."plugin-state"} ) and dropped on this node the moment a change commits.
 */
@ApplicationScoped
public class PluginStates {

    private static final Logger LOG = Logger.getLogger(PluginStates.class);

    /**
     * One plugin in one tenant.
     *
     * @param switchedOn
     *            the tenant's own switch (off when it never chose)
     * @param overrides
     *            the settings the tenant set itself
     * @param inherited
     *            the plugin's defaults with the region layers merged over them
     * @param effective
     *            inherited with the tenant's overrides merged over it
     * @param configuration
     *            effective, bound to the plugin's configuration type
     * @param configurationError
     *            why the stored settings no longer bind (a plugin upgrade changed its configuration), in which case
     *            {@code configuration} falls back to the inherited settings; null normally
     */
    public record State(boolean switchedOn, Map<String, Object> overrides, Map<String, Object> inherited,
            Map<String, Object> effective, Object configuration, String configurationError) {
    }

    @Inject
    PluginRegistry registry;

    @Inject
    PluginConfigurations configurations;

    @Inject
    TenantPluginRepository tenantPlugins;

    @Inject
    RegionPluginDefaultRepository regionDefaults;

    @Inject
    TenantStatusGate gate;

    @Inject
    TenantScope tenantScope;

    @Inject
    CurrentTenant currentTenant;

    /** Whether the plugin answers in the tenant: its plan allows it and the tenant switched it on. */
    public boolean isEnabled(String tenantId, String pluginId) {
        TenantStatusGate.Standing standing = gate.standing(tenantId);
        return standing != null && standing.planAllows(pluginId) && state(tenantId, pluginId).switchedOn();
    }

    /** The current tenant's configuration of a plugin, typed: what a plugin reads its settings with. */
    public <C> C configuration(PluginDescriptor<C> descriptor) {
        return descriptor.configurationType().cast(state(currentTenant.require(), descriptor.id()).configuration());
    }

    @CacheResult(cacheName = "plugin-state")
    public State state(@CacheKey String tenantId, @CacheKey String pluginId) {
        return tenantScope.inTransaction(tenantId, () -> compute(tenantId, pluginId));
    }

    /** Computes the state inside the caller's transaction, as the current tenant, bypassing the cache. */
    public State compute(String tenantId, String pluginId) {
        PluginDescriptor<?> descriptor = registry.require(pluginId).descriptor();
        TenantStatusGate.Standing standing = gate.standing(tenantId);
        if (standing == null) {
            throw ProblemException.notFound("Tenant", tenantId);
        }
        List<Map<String, Object>> layers = regionLayers(standing.regionPath(), pluginId);
        TenantPlugin own = tenantPlugins.findByPlugin(pluginId).orElse(null);
        Map<String, Object> overrides = own == null ? Map.of() : own.config();
        Map<String, Object> inherited = configurations.merge(descriptor, layers);
        Map<String, Object> effective = PluginConfigurations.deepMerge(inherited, overrides);
        Object configuration;
        String error = null;
        try {
            configuration = configurations.bind(descriptor, effective);
        } catch (ProblemException e) {
            error = e.toProblem().detail();
            LOG.warnf("Tenant %s: the settings of plugin %s no longer bind (%s); using the inherited ones", tenantId,
                    pluginId, error);
            configuration = configurations.bind(descriptor, inherited);
        }
        return new State(own != null && own.enabled(), Map.copyOf(overrides), inherited, effective, configuration,
                error);
    }

    /** The settings of every region from the root down to {@code regionPath} for one plugin, root first. */
    public List<Map<String, Object>> regionLayers(String regionPath, String pluginId) {
        return regionDefaults.alongPath(regionPath).stream().filter(d -> d.pluginId().equals(pluginId))
                .map(RegionPluginDefault::config).toList();
    }

    @CacheInvalidate(cacheName = "plugin-state")
    public void forget(@CacheKey String tenantId, @CacheKey String pluginId) {
        // The annotation does the work.
    }

    @CacheInvalidateAll(cacheName = "plugin-state")
    public void forgetAll() {
        // The annotation does the work.
    }
}
