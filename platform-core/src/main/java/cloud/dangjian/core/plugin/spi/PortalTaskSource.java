package cloud.dangjian.core.plugin.spi;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Work a plugin has waiting for the signed-in user, listed under "my tasks" (我的待办) on the portal's home page: a task to
 * claim or finish, something to approve. A CDI bean. The core asks only the sources of plugins switched on for the
 * tenant, as the tenant, inside a transaction, and links each task to the plugin's pages. It runs on every visit of the
 * home page, so it should answer from an index in a few milliseconds and return at most a handful of tasks.
 */
public interface PortalTaskSource {

    /** The plugin whose work this is. */
    String pluginId();

    List<PortalTask> tasksFor(Viewer viewer);

    /**
     * Who is looking: their login, their member id in the tenant (null when the login is no member of it), the
     * permissions they hold there, and the language to answer in.
     */
    record Viewer(String username, Long memberId, Set<String> permissions, Locale locale) {
    }

    /**
     * One piece of waiting work.
     *
     * @param path
     *            relative to the plugin's pages ({@code /t/{tenant}/{plugin-id}/}), like a {@link MenuEntry}'s
     */
    record PortalTask(String title, String detail, String path) {
    }
}
