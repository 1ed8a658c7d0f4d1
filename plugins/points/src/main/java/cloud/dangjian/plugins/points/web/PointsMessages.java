package cloud.dangjian.plugins.points.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every string of the points pages, in Chinese here and in English in {@link PointsMessagesEn}. The plugin keeps its
 * own bundle (namespace {@code points}, read as {@code {points:key}}) so that it adds no key to the core's; the shell's
 * shared words (sign out, portal home) stay {@code {msg:key}}.
 */
@MessageBundle(value = "points", locale = "zh-CN")
public interface PointsMessages {

    @Message("我的积分")
    String my_points();

    @Message("考核周期")
    String period();

    @Message("月度")
    String months();

    @Message("季度")
    String quarters();

    @Message("年度")
    String years();

    @Message("查看")
    String show();

    @Message("请选择列表中的周期")
    String period_invalid();

    @Message("本期积分")
    String balance();

    @Message("{total} 分")
    String balance_total(String total);

    @Message("按类别")
    String by_kind();

    @Message("{#when kind}{#is 'AUTOMATIC'}系统自动积分{#is 'TASK'}工作任务积分{#is 'BONUS'}附加积分{#is 'CORRECTION'}更正{#else}{kind}{/when}")
    String kind(String kind);

    @Message("支部排名")
    String rank_in_branch();

    @Message("单位排名")
    String rank_in_tenant();

    @Message("第 {rank} 名，共 {of} 人")
    String rank_of(String rank, String of);

    @Message("积分明细")
    String history();

    @Message("本期还没有积分记录。")
    String no_entries();

    @Message("日期")
    String date();

    @Message("积分")
    String points();

    @Message("原因")
    String reason();

    @Message("经办人")
    String granted_by();

    @Message("记录号")
    String entry();

    @Message("系统")
    String system();

    @Message("您的登录名尚未关联党员档案，暂时没有个人积分。请联系支部书记。")
    String no_member_record();

    @Message("积分任务")
    String tasks();

    @Message("可认领的任务")
    String open_tasks();

    @Message("您所在的组织暂时没有可认领的任务。")
    String no_open_tasks();

    @Message("我的任务")
    String my_tasks();

    @Message("您还没有认领任务。")
    String no_my_tasks();

    @Message("{points} 分")
    String task_points(String points);

    @Message("{#when status}{#is 'OPEN'}待认领{#is 'CLAIMED'}进行中{#is 'COMPLETED'}待审核{#is 'APPROVED'}已通过{#else}{status}{/when}")
    String task_status(String status);

    @Message("认领")
    String claim();

    @Message("报告完成")
    String complete();

    @Message("完成情况")
    String completion_note();

    @Message("通过")
    String approve();

    @Message("退回")
    String reject();

    @Message("退回原因")
    String reject_reason();

    @Message("已退回：{reason}")
    String sent_back(String reason);

    @Message("已认领任务。")
    String claimed();

    @Message("已报告完成，等待审核。")
    String completed();

    @Message("已通过，积分已记入。")
    String approved();

    @Message("已退回给党员。")
    String rejected();

    @Message("任务已发布。")
    String published();

    @Message("发布任务")
    String publish_task();

    @Message("组织")
    String organisation();

    @Message("标题")
    String title();

    @Message("说明")
    String description();

    @Message("待审核的任务")
    String awaiting_approval();

    @Message("没有待审核的任务。")
    String no_awaiting();

    @Message("认领人")
    String claimant();

    @Message("这是您本人认领或完成的任务，需由支部其他人审核。")
    String own_task();

    @Message("积分考核")
    String appraisal();

    @Message("党员排名")
    String member_ranking();

    @Message("支部排名")
    String branch_ranking();

    @Message("名次")
    String rank();

    @Message("编号")
    String code();

    @Message("姓名")
    String name();

    @Message("支部")
    String branch();

    @Message("人数")
    String members_count();

    @Message("合计")
    String total();

    @Message("人均")
    String per_head();

    @Message("本期还没有积分。")
    String no_ranking();

    @Message("月度趋势")
    String trend();

    @Message("月份")
    String month();

    @Message("记录数")
    String entries();

    @Message("有积分的党员")
    String active_members();

    @Message("本期无积分的党员")
    String inactive();

    @Message("本期每位党员都有积分。")
    String no_inactive();

    @Message("仅显示前 {shown} 人，完整名单见考核表。")
    String inactive_more(String shown);

    @Message("下载本期考核表（CSV）")
    String download_sheet();

    @Message("给予附加积分")
    String award();

    @Message("党员编号")
    String award_member();

    @Message("1 到 {max} 分")
    String award_points_help(String max);

    @Message("已给予 {name} {points} 分附加积分。")
    String awarded(String points, String name);

    @Message("更正积分记录")
    String correction();

    @Message("记录号")
    String correction_entry();

    @Message("更正分值（留空则全部撤销）")
    String correction_points();

    @Message("更正以补偿记录写入，原记录不会被修改。记录号见党员的积分明细。")
    String correction_help();

    @Message("记录 {entry} 已更正。")
    String corrected(String entry);

    @Message("{name} 的积分明细")
    String member_history(String name);

    @Message("更正")
    String correct_this();

    @Message("校验积分台账")
    String verify();

    @Message("重新计算本单位积分台账的哈希链，检查是否有记录被改动或删除。")
    String verify_help();

    @Message("开始校验")
    String verify_start();

    @Message("台账完整：{entries} 条记录的哈希链全部吻合。")
    String verify_intact(String entries);

    @Message("台账异常：第 {seq} 条记录不符（{reason}）。")
    String verify_broken(String seq, String reason);

    @Message("最新哈希")
    String last_hash();

    @Message("给予")
    String submit_award();

    @Message("更正")
    String submit_correction();

    @Message("请填写此项")
    String error_required();

    @Message("请输入整数")
    String error_number();

    @Message("附加积分须在 1 到 {max} 分之间")
    String error_award_range(String max);

    @Message("任务积分须在 1 到 {max} 分之间")
    String error_task_range(String max);

    @Message("找不到编号为 {code} 的党员")
    String error_no_member(String code);

    @Message("不在您管理的组织范围内")
    String error_outside();

    @Message("找不到记录 {entry}")
    String error_no_entry(String entry);

    @Message("最多 {max} 个字")
    String error_too_long(String max);

    @Message("该任务已被他人认领或状态已变化，请刷新。")
    String error_not_open();

    @Message("您的登录名尚未关联党员档案，不能认领任务。")
    String error_no_link();

    @Message("这不是您认领的任务。")
    String error_not_yours();

    @Message("任务状态已变化，请刷新后再试。")
    String error_state();

    @Message("全单位")
    String whole_tenant();

    @Message("这条记录本身是更正，请更正原记录")
    String error_is_correction();

    @Message("更正必须改变该记录，且更正后的分值在 0 与原分值之间")
    String error_correction_range();

    @Message("查看明细")
    String view_history();

    @Message("{year} 年各月")
    String trend_year(String year);

    @Message("该党员本期没有积分记录。")
    String no_history();

    @Message("类别")
    String kind_column();
}
