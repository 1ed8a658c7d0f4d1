package cloud.dangjian.core.plugin.spi;

/**
 * What a lifecycle hook learns about the change: the tenant it happened in, the effective configuration now in force
 * and who made the change.
 */
public record TenantPluginContext<C>(String tenantId, String pluginId, C configuration, String changedBy) {
}
