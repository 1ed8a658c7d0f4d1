package cloud.dangjian.core.plugin.noticeboard;

import cloud.dangjian.core.identity.domain.Role;
import cloud.dangjian.core.plugin.spi.DangjianPlugin;
import cloud.dangjian.core.plugin.spi.LocalizedText;
import cloud.dangjian.core.plugin.spi.MenuEntry;
import cloud.dangjian.core.plugin.spi.PermissionGrant;
import cloud.dangjian.core.plugin.spi.PluginDescriptor;
import cloud.dangjian.core.plugin.spi.TenantPluginContext;
import cloud.dangjian.core.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small plugin that exists only in the tests and uses every part of the contract: a descriptor with permissions,
 * typed configuration, region-only settings, events and menu entries; lifecycle hooks; its own migration, API and event
 * consumer.
 */
@ApplicationScoped
public class NoticeboardPlugin implements DangjianPlugin<NoticeboardConfig> {

    public static final String ID = "noticeboard";
    public static final String NOTICE_POSTED = "noticeboard.notice-posted";
    public static final String READ = "noticeboard:read";
    public static final String POST = "noticeboard:post";
    /** A title that makes the enable hook refuse, to show that a failing hook leaves nothing behind. */
    public static final String REFUSED_TITLE = "refuse me";

    /** What the hooks saw, in order: "enabled:tenant", "disabled:tenant", "configured:tenant:old->new". */
    public static final List<String> HOOK_CALLS = new CopyOnWriteArrayList<>();

    public static final PluginDescriptor<NoticeboardConfig> DESCRIPTOR = PluginDescriptor
            .builder(ID, NoticeboardConfig.class).name("公告栏", "Noticeboard")
            .description("测试插件", "A plugin for the tests").version("1.0").defaults(NoticeboardConfig::defaults)
            .permission(PermissionGrant.of(READ, LocalizedText.of("查看公告", "Read notices"), Role.MEMBER,
                    Role.BRANCH_SECRETARY, Role.TENANT_ADMIN))
            .permission(PermissionGrant.of(POST, LocalizedText.of("发布公告", "Post notices"), Role.TENANT_ADMIN))
            .regionOnlySettings("maxAttachmentBytes").publishes(NOTICE_POSTED).consumes(NOTICE_POSTED)
            .menu(new MenuEntry("notices", LocalizedText.of("公告", "Notices"), MenuEntry.Surface.PORTAL, "", READ, 10))
            .build();

    @Inject
    EntityManager entityManager;

    @Override
    public PluginDescriptor<NoticeboardConfig> descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void onEnabled(TenantPluginContext<NoticeboardConfig> context) {
        if (REFUSED_TITLE.equals(context.configuration().title())) {
            // A refusal is a ProblemException: the caller gets a clear 4xx naming the setting.
            throw ProblemException.conflict("config.title",
                    "the noticeboard refuses the title '" + REFUSED_TITLE + "'");
        }
        // Idempotent: enabling again finds the welcome notice of the first time.
        entityManager.createNativeQuery("""
                INSERT INTO noticeboard_notices (tenant_id, title, welcome) VALUES (?1, ?2, true)
                ON CONFLICT DO NOTHING""").setParameter(1, context.tenantId())
                .setParameter(2, "欢迎使用" + context.configuration().title()).executeUpdate();
        HOOK_CALLS.add("enabled:" + context.tenantId());
    }

    @Override
    public void onDisabled(TenantPluginContext<NoticeboardConfig> context) {
        HOOK_CALLS.add("disabled:" + context.tenantId());
    }

    @Override
    public void onConfigurationChanged(TenantPluginContext<NoticeboardConfig> context, NoticeboardConfig previous) {
        HOOK_CALLS.add(
                "configured:" + context.tenantId() + ":" + previous.title() + "->" + context.configuration().title());
    }
}
