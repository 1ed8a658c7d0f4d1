package cloud.dangjian.core.plugin.spi;

/**
 * A feature plugin: one {@code @ApplicationScoped} bean per plugin module, found by the core through CDI. The core
 * never names a plugin; it learns everything from {@link #descriptor()}.
 * <p>
 * The lifecycle hooks run inside the transaction that changes the tenant's switch, as the tenant, after the change is
 * written: throwing from a hook refuses the change and leaves nothing behind. Hooks must be idempotent, because a
 * plugin can be enabled, disabled and enabled again; data is never deleted on disable.
 *
 * @param <C>
 *            the plugin's typed configuration: a record with defaults and Bean Validation constraints
 */
public interface DangjianPlugin<C> {

    PluginDescriptor<C> descriptor();

    /** The plugin was switched on for the current tenant (for the first time, or again). */
    default void onEnabled(TenantPluginContext<C> context) {
    }

    /** The plugin was switched off for the current tenant; its data stays. */
    default void onDisabled(TenantPluginContext<C> context) {
    }

    /** The tenant's effective configuration changed while the plugin is on. */
    default void onConfigurationChanged(TenantPluginContext<C> context, C previous) {
    }
}
