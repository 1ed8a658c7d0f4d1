package cloud.dangjian.core.plugin.service;

import cloud.dangjian.core.database.AfterCommit;
import cloud.dangjian.core.event.PlatformEvents;
import cloud.dangjian.core.event.service.DomainEvents;
import cloud.dangjian.core.plugin.domain.RegionPluginDefault;
import cloud.dangjian.core.plugin.domain.RegionPluginDefaultRepository;
import cloud.dangjian.core.plugin.spi.PluginDescriptor;
import cloud.dangjian.core.tenancy.domain.Region;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings a region layers over a plugin's defaults for every tenant below it. A region may set region-only
 * settings, which its tenants cannot override; a nearer region's settings win over a farther one's.
 */
@ApplicationScoped
public class RegionPluginDefaults {

    /** A region's own settings for a plugin and what they produce for its tenants before their own overrides. */
    public record RegionSettings(String regionCode, String pluginId, Map<String, Object> own,
            Map<String, Object> effective) {
    }

    @Inject
    PluginRegistry registry;

    @Inject
    PluginConfigurations configurations;

    @Inject
    PluginStates states;

    @Inject
    RegionPluginDefaultRepository defaults;

    @Inject
    DomainEvents events;

    @Inject
    AfterCommit afterCommit;

    @Transactional
    public RegionSettings get(Region region, String pluginId) {
        PluginDescriptor<?> descriptor = registry.require(pluginId).descriptor();
        Map<String, Object> own = defaults.find(region.id(), pluginId).map(RegionPluginDefault::config)
                .orElse(Map.of());
        return new RegionSettings(region.code(), pluginId, own,
                configurations.merge(descriptor, states.regionLayers(region.path(), pluginId)));
    }

    /** Replaces the region's settings for a plugin after checking that they validate layered over its ancestors'. */
    @Transactional
    public RegionSettings change(Region region, String pluginId, Map<String, Object> settings, String changedBy) {
        PluginDescriptor<?> descriptor = registry.require(pluginId).descriptor();
        List<Map<String, Object>> ancestors = defaults.alongPath(region.path()).stream()
                .filter(d -> d.pluginId().equals(pluginId) && !d.regionId().equals(region.id()))
                .map(RegionPluginDefault::config).toList();
        configurations.check(descriptor, ancestors, settings, true);
        RegionPluginDefault row = defaults.find(region.id(), pluginId).orElse(null);
        if (row == null) {
            row = new RegionPluginDefault(region.id(), pluginId);
            defaults.persist(row);
        }
        row.change(settings, changedBy);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("region", region.code());
        payload.put("plugin", pluginId);
        payload.put("settings", settings);
        payload.put("changedBy", changedBy);
        events.publishForPlatform(PlatformEvents.REGION_PLUGIN_DEFAULTS_CHANGED, payload);
        // Every tenant below the region may be affected; region changes are rare, so forget everything.
        afterCommit.run(states::forgetAll);
        defaults.flush();
        return get(region, pluginId);
    }
}
