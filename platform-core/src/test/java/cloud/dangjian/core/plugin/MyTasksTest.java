package cloud.dangjian.core.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cloud.dangjian.core.plugin.noticeboard.NoticeboardPlugin;
import cloud.dangjian.core.plugin.spi.PortalTaskSource;
import cloud.dangjian.core.tenancy.context.TenantScope;
import cloud.dangjian.core.web.service.MyTasks;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** "My tasks" asks only the plugins switched on for the tenant, and survives one that fails. */
@QuarkusTest
class MyTasksTest {

    @Inject
    MyTasks myTasks;

    @Inject
    TenantScope tenantScope;

    @Test
    void shouldListThePluginsTasksOnlyWhileItIsOn() {
        String tenant = PluginTenants.tenantWithNoticeboardOn();
        assertEquals(List.of(new MyTasks.TaskLink("阅读置顶公告 member", null, "/t/" + tenant + "/noticeboard/pinned")),
                tasks(tenant, "member"));

        PluginTenants.change(tenant, NoticeboardPlugin.ID, false, null).statusCode(200);
        assertEquals(List.of(), tasks(tenant, "member"));
    }

    @Test
    void shouldLeaveOutAPluginThatFailsInsteadOfFailingTheHomePage() {
        String tenant = PluginTenants.tenantWithNoticeboardOn();
        assertEquals(List.of(), tasks(tenant, "broken"));
    }

    private List<MyTasks.TaskLink> tasks(String tenant, String username) {
        PortalTaskSource.Viewer viewer = new PortalTaskSource.Viewer(username, null, Set.of(), Locale.CHINA);
        return tenantScope.call(tenant, () -> myTasks.of(tenant, viewer));
    }
}
