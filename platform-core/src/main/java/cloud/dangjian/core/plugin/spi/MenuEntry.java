package cloud.dangjian.core.plugin.spi;

/**
 * An entry a plugin adds to the web shell's navigation. The shell shows it only while the plugin is on for the tenant
 * and only to callers holding {@code permission} (null: every member of the tenant).
 *
 * @param path
 *            relative to the plugin's pages, {@code /t/{tenant}/{plugin-id}/}; empty for the plugin's home page
 * @param order
 *            position among the entries of one surface, lower first
 */
public record MenuEntry(String id, LocalizedText label, Surface surface, String path, String permission, int order) {

    /** Where an entry appears: the phone-first member portal or the admin console. */
    public enum Surface {
        PORTAL, ADMIN
    }
}
