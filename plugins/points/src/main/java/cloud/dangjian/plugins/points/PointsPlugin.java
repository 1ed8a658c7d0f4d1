package cloud.dangjian.plugins.points;

import cloud.dangjian.core.identity.domain.Role;
import cloud.dangjian.core.plugin.spi.DangjianPlugin;
import cloud.dangjian.core.plugin.spi.LocalizedText;
import cloud.dangjian.core.plugin.spi.MenuEntry;
import cloud.dangjian.core.plugin.spi.PermissionGrant;
import cloud.dangjian.core.plugin.spi.PluginDescriptor;
import cloud.dangjian.core.plugin.spi.TenantPluginContext;
import cloud.dangjian.core.problem.ProblemException;
import cloud.dangjian.plugins.points.config.PointsConfig;
import cloud.dangjian.plugins.points.service.PointsEventTypes;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;

/**
 * 党员积分管理 (member points): the plugin's descriptor and the check that every automatic rule names an event type this
 * deployment listens to.
 */
@ApplicationScoped
public class PointsPlugin implements DangjianPlugin<PointsConfig> {

    public static final String ID = "points";
    /** See one's own points and the rankings of the tenant. */
    public static final String READ = "points:read";
    /** Take (claim and complete) tasks. */
    public static final String TAKE_TASKS = "points:take-tasks";
    /** See every member's points in one's organisation subtree: histories, members without activity, CSV sheets. */
    public static final String REVIEW = "points:review";
    /** Award bonus points and correct entries, inside one's organisation subtree. */
    public static final String AWARD = "points:award";
    /** Publish tasks and approve completed ones, inside one's organisation subtree. */
    public static final String MANAGE_TASKS = "points:manage-tasks";
    /** Verify the ledger's hash chain. */
    public static final String VERIFY = "points:verify";

    private final PluginDescriptor<PointsConfig> descriptor;

    public PointsPlugin(PointsEventTypes eventTypes) {
        this.descriptor = describe(eventTypes.all());
    }

    /** The descriptor, listening to {@code consumed}; the id and configuration type never change. */
    public static PluginDescriptor<PointsConfig> describe(Set<String> consumed) {
        return PluginDescriptor.builder(ID, PointsConfig.class).name("党员积分管理", "Member points")
                .description("系统自动积分、工作任务积分和附加积分，可追溯的积分台账，排名与考核",
                        "Automatic, task and bonus points in an auditable ledger; rankings and appraisal")
                .version("1.0").defaults(PointsConfig::defaults)
                .permission(PermissionGrant.of(READ, LocalizedText.of("查看本人积分和排名", "See own points and rankings"),
                        Role.MEMBER, Role.BRANCH_SECRETARY, Role.TENANT_ADMIN))
                .permission(PermissionGrant.of(TAKE_TASKS, LocalizedText.of("认领和完成任务", "Claim and complete tasks"),
                        Role.MEMBER, Role.BRANCH_SECRETARY, Role.TENANT_ADMIN))
                .permission(PermissionGrant.of(REVIEW, LocalizedText.of("查看党员积分台账", "Review members' points"),
                        Role.BRANCH_SECRETARY, Role.TENANT_ADMIN))
                .permission(PermissionGrant.of(AWARD,
                        LocalizedText.of("给予附加积分、支部积分项和更正", "Award bonus points, branch items and corrections"),
                        Role.BRANCH_SECRETARY, Role.TENANT_ADMIN))
                .permission(PermissionGrant.of(MANAGE_TASKS, LocalizedText.of("发布和审核任务", "Publish and approve tasks"),
                        Role.BRANCH_SECRETARY, Role.TENANT_ADMIN))
                .permission(
                        PermissionGrant.of(VERIFY, LocalizedText.of("校验积分台账", "Verify the ledger"), Role.TENANT_ADMIN))
                .regionOnlySettings().consumes(consumed.toArray(String[]::new))
                .menu(new MenuEntry("my-points", LocalizedText.of("我的积分", "My points"), MenuEntry.Surface.PORTAL, "",
                        READ, 20))
                .menu(new MenuEntry("tasks", LocalizedText.of("积分任务", "Point tasks"), MenuEntry.Surface.PORTAL, "tasks",
                        TAKE_TASKS, 21))
                .menu(new MenuEntry("appraisal", LocalizedText.of("积分考核", "Points appraisal"), MenuEntry.Surface.ADMIN,
                        "appraisal", REVIEW, 20))
                .build();
    }

    @Override
    public PluginDescriptor<PointsConfig> descriptor() {
        return descriptor;
    }

    @Override
    public void onEnabled(TenantPluginContext<PointsConfig> context) {
        requireHeard(context.configuration());
    }

    @Override
    public void onConfigurationChanged(TenantPluginContext<PointsConfig> context, PointsConfig previous) {
        requireHeard(context.configuration());
    }

    /** Refuses a rule that would never fire because nothing here listens to its event type, or a duplicate rule. */
    private void requireHeard(PointsConfig configuration) {
        List<PointsConfig.Rule> rules = configuration.rules();
        for (int i = 0; i < rules.size(); i++) {
            String type = rules.get(i).eventType();
            if (!descriptor.consumes().contains(type)) {
                throw ProblemException.conflict("config.rules[" + i + "].eventType",
                        "no event of type '" + type
                                + "' reaches the points plugin on this deployment; the types it hears are "
                                + descriptor.consumes().stream().sorted().toList()
                                + " (an operator adds others with dangjian.points.extra-event-types)");
            }
            for (int j = 0; j < i; j++) {
                if (rules.get(j).eventType().equals(type)) {
                    throw ProblemException.conflict("config.rules[" + i + "].eventType",
                            "event type '" + type + "' already has a rule (rules[" + j + "])");
                }
            }
        }
    }
}
