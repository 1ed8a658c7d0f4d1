package cloud.dangjian.core.plugin.noticeboard;

import cloud.dangjian.core.plugin.spi.PortalTaskSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The test plugin's "my tasks": one task for every viewer, or, for the viewer named {@code broken}, a failure, to show
 * that one plugin's failure does not take the home page down.
 */
@ApplicationScoped
public class NoticeboardTasks implements PortalTaskSource {

    @Override
    public String pluginId() {
        return NoticeboardPlugin.ID;
    }

    @Override
    public List<PortalTask> tasksFor(Viewer viewer) {
        if ("broken".equals(viewer.username())) {
            throw new IllegalStateException("the test plugin's tasks are broken for this viewer");
        }
        return List.of(new PortalTask("阅读置顶公告 " + viewer.username(), null, "pinned"));
    }
}
