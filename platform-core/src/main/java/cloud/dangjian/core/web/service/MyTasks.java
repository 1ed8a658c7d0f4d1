package cloud.dangjian.core.web.service;

import cloud.dangjian.core.plugin.service.PluginStates;
import cloud.dangjian.core.plugin.spi.PortalTaskSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * "My tasks" on the portal home: the waiting work of every plugin switched on for the tenant. A plugin that fails to
 * answer is left out and logged, so one broken plugin cannot take the home page down with it.
 */
@ApplicationScoped
public class MyTasks {

    /** A task as the home page links it. */
    public record TaskLink(String title, String detail, String href) {
    }

    /** At most this many tasks on the home page; each plugin's page lists the rest. */
    static final int SHOWN = 10;

    private static final Logger LOG = Logger.getLogger(MyTasks.class);

    @Inject
    Instance<PortalTaskSource> sources;

    @Inject
    PluginStates states;

    /** Runs as {@code tenant} (the caller sets it), each plugin's source in a transaction of its own. */
    public List<TaskLink> of(String tenant, PortalTaskSource.Viewer viewer) {
        List<TaskLink> tasks = new ArrayList<>();
        for (PortalTaskSource source : sources) {
            if (tasks.size() >= SHOWN || !states.isEnabled(tenant, source.pluginId())) {
                continue;
            }
            try {
                // Each source in its own transaction: one that fails cannot leave the others' rolled back.
                List<PortalTaskSource.PortalTask> waiting = QuarkusTransaction.requiringNew()
                        .call(() -> source.tasksFor(viewer));
                for (PortalTaskSource.PortalTask task : waiting) {
                    tasks.add(new TaskLink(task.title(), task.detail(),
                            "/t/" + tenant + "/" + source.pluginId() + "/" + task.path()));
                }
            } catch (RuntimeException e) {
                LOG.warnf(e, "The tasks of plugin %s could not be listed for tenant %s", source.pluginId(), tenant);
            }
        }
        return tasks.size() > SHOWN ? List.copyOf(tasks.subList(0, SHOWN)) : tasks;
    }
}
