package cloud.dangjian.plugins.points.config;

import cloud.dangjian.core.plugin.spi.Setting;
import cloud.dangjian.plugins.points.domain.AppraisalPeriod;
import cloud.dangjian.plugins.points.domain.ApproverRole;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * What a tenant (or its region, for every tenant below it) sets for the points plugin: which event earns how many
 * points with which caps, the appraisal period, and the limits on awards and tasks.
 */
public record PointsConfig(
        @Setting(zhCN = "自动积分规则", en = "Automatic rules", helpZhCN = "哪种平台事件得多少分，每日和每考核周期上限", helpEn = "Which platform event earns how many points, with daily and per-period caps") @NotNull @Size(max = 50) List<@Valid @NotNull Rule> rules,
        @Setting(zhCN = "考核周期", en = "Appraisal period", helpZhCN = "月、季度或年", helpEn = "Month, quarter or year") @NotNull AppraisalPeriod appraisalPeriod,
        @Setting(zhCN = "单次附加积分上限", en = "Maximum bonus per award", helpEn = "The most points one bonus award may grant") @Min(1) @Max(100) int maxAwardPoints,
        @Setting(zhCN = "单个任务积分上限", en = "Maximum points per task") @Min(1) @Max(100) int maxTaskPoints,
        @Setting(zhCN = "审批角色", en = "Approvers", helpZhCN = "哪些角色可以审批哪类积分", helpEn = "Which roles approve which kind of points") @NotNull @Valid Approvers approvers,
        @Setting(zhCN = "单项支部积分上限", en = "Maximum points per branch item", helpEn = "The most points one branch-level item may grant") @Min(1) @Max(100) int maxBranchItemPoints) {

    /**
     * Which roles may grant each kind of points by hand. A caller needs the permission too ({@code points:award},
     * {@code points:manage-tasks}); this narrows who of its holders may act. At least one role each.
     */
    public record Approvers(
            @Setting(zhCN = "附加积分", en = "Bonus awards") @NotNull @Size(min = 1, message = APPROVER_MESSAGE) List<@NotNull ApproverRole> bonus,
            @Setting(zhCN = "更正", en = "Corrections") @NotNull @Size(min = 1, message = APPROVER_MESSAGE) List<@NotNull ApproverRole> correction,
            @Setting(zhCN = "任务审核", en = "Task approval") @NotNull @Size(min = 1, message = APPROVER_MESSAGE) List<@NotNull ApproverRole> task,
            @Setting(zhCN = "支部积分项", en = "Branch items") @NotNull @Size(min = 1, message = APPROVER_MESSAGE) List<@NotNull ApproverRole> branch) {

        /** Both roles for every kind: what the permissions alone allowed before the setting existed. */
        public static Approvers both() {
            List<ApproverRole> both = List.of(ApproverRole.BRANCH_SECRETARY, ApproverRole.TENANT_ADMIN);
            return new Approvers(both, both, both, both);
        }
    }

    static final String APPROVER_MESSAGE = "needs at least one role: BRANCH_SECRETARY or TENANT_ADMIN";

    /**
     * One automatic rule: each event of {@code eventType} about a member earns {@code points}, at most {@code dailyCap}
     * a day and {@code periodCap} an appraisal period from this rule (0: no cap).
     */
    public record Rule(
            @Setting(zhCN = "事件类型", en = "Event type") @NotBlank @Size(max = 100) @Pattern(regexp = "[a-z][a-z0-9-]*\\.[a-z0-9.-]+", message = "must be an event type such as learning.course-completed") String eventType,
            @Setting(zhCN = "名称", en = "Label") @Size(max = 100) String label,
            @Setting(zhCN = "每次得分", en = "Points each time") @Min(1) @Max(100) int points,
            @Setting(zhCN = "每日上限", en = "Daily cap", helpEn = "0: no daily cap") @Min(0) @Max(1000) int dailyCap,
            @Setting(zhCN = "每周期上限", en = "Period cap", helpEn = "0: no cap per appraisal period") @Min(0) @Max(100_000) int periodCap) {
    }

    /** Defaults after 学习强国's habit of small points with daily caps, for the four plugins' events. */
    public static PointsConfig defaults() {
        return new PointsConfig(
                List.of(new Rule("learning.course-completed", "完成课程 Course completed", 2, 6, 0),
                        new Rule("meetings.signed-in", "会议签到 Meeting signed in", 1, 2, 0),
                        new Rule("live-contests.joined", "参加擂台 Contest joined", 2, 4, 0),
                        new Rule("crowdfunding.pledge-fulfilled", "履行认领 Pledge fulfilled", 3, 0, 30)),
                AppraisalPeriod.QUARTER, 20, 50, Approvers.both(), 20);
    }

    /** The rule for an event type, if any. */
    public Rule ruleFor(String eventType) {
        return rules.stream().filter(rule -> rule.eventType().equals(eventType)).findFirst().orElse(null);
    }
}
