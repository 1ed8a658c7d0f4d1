package cloud.dangjian.core.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every string of the web shell, in Chinese here and in English in {@code messages/msg_en.properties}. Templates read
 * them as {@code {msg:key}}; the request's locale picks the language.
 */
@MessageBundle(value = "msg", locale = "zh-CN")
public interface WebMessages {

    @Message("党建云")
    String product();

    /** The page's language tag. */
    @Message("zh-CN")
    String html_lang();

    /** The language the switch offers. */
    @Message("en")
    String other_lang();

    @Message("退出登录")
    String sign_out();

    @Message("选择单位")
    String choose_tenant();

    @Message("您在以下单位有角色，请选择一个进入。")
    String choose_tenant_help();

    @Message("您好，{name}")
    String hello(String name);

    @Message("我的功能")
    String my_features();

    @Message("本单位尚未开启任何功能。")
    String no_features();

    @Message("管理后台")
    String admin_console();

    @Message("功能插件")
    String plugins();

    @Message("开启")
    String enabled();

    @Message("关闭")
    String disabled();

    @Message("未包含在套餐中")
    String not_in_plan();

    @Message("保存")
    String save();

    @Message("已保存。")
    String saved();

    @Message("请修正标出的项目。")
    String fix_errors();

    @Message("切换到 English")
    String switch_language();

    @Message("门户首页")
    String portal_home();

    @Message("开启此功能")
    String switch_on();

    @Message("组织架构")
    String organisations();

    @Message("党员")
    String members();

    @Message("按姓名查找")
    String search_by_name();

    @Message("查找")
    String search();

    @Message("没有找到党员。")
    String no_members();

    @Message("编号")
    String member_code();

    @Message("姓名")
    String member_name();

    @Message("性别")
    String member_gender();

    @Message("状态")
    String member_status();

    @Message("所在支部")
    String member_branch();

    @Message("登录名")
    String member_login();

    @Message("下一页")
    String next_page();

    @Message("电子党员活动证")
    String activity_card();

    @Message("校验码")
    String card_code();

    @Message("您的登录名尚未关联党员档案，请联系支部书记。")
    String no_member_record();

    @Message("核验活动证")
    String verify_card();

    @Message("核验")
    String verify();

    @Message("活动证有效")
    String card_valid();

    @Message("活动证无效：校验码不正确或不属于本单位。")
    String card_invalid();

    @Message("该党员已停用")
    String member_disabled();

    @Message("批量导入")
    String bulk_import();

    @Message("上传 CSV（UTF-8，首行为列名）或 XLSX 文件。文件先整体校验：有错误的行会逐行列出，整个文件都不会导入。")
    String bulk_import_help();

    @Message("导入内容")
    String import_kind();

    @Message("文件")
    String import_file();

    @Message("只校验，不导入")
    String import_dry_run();

    @Message("开始导入")
    String import_start();

    @Message("校验通过：{rows} 行，未写入任何数据。")
    String import_checked(int rows);

    @Message("导入完成：新增 {created}，更新 {updated}，未变 {unchanged}。")
    String import_done(int created, int updated, int unchanged);

    @Message("文件有 {count} 处错误，未导入任何数据。请修改后重新上传。")
    String import_refused(int count);

    @Message("行")
    String import_line();

    @Message("列")
    String import_column();

    @Message("原因")
    String import_reason();

    @Message("导入进度")
    String import_job_title();

    @Message("排队等候中……")
    String import_queued();

    @Message("正在检查：第 {processed} / {total} 行")
    String import_checking(int processed, int total);

    @Message("正在写入：第 {processed} / {total} 行")
    String import_writing(int processed, int total);

    @Message("正在保存全部 {total} 行……")
    String import_saving(int total);

    @Message("整个文件在一个事务中写入：要么全部导入，要么一行也不导入。检查和写入在后台进行，可以离开此页面，稍后回到这里查看结果。")
    String import_atomic();

    @Message("刷新进度")
    String import_reload();

    @Message("导入中断，未导入任何数据：{detail}")
    String import_failed(String detail);

    @Message("再导入一个文件")
    String import_again();

    @Message("文件：{name}")
    String import_of_file(String name);

    @Message("管理后台导航")
    String console_nav();

    @Message("入党积极分子")
    String applicants();

    @Message("没有找到入党申请人或积极分子。")
    String no_applicants();

    @Message("发展阶段")
    String applicant_stage();

    @Message("全部阶段")
    String stage_any();

    @Message("申请日期")
    String applicant_applied_on();

    @Message("本阶段起始")
    String applicant_stage_since();

    @Message("{#when stage}{#is 'APPLICANT'}入党申请人{#is 'ACTIVIST'}入党积极分子{#is 'DEVELOPMENT_CANDIDATE'}发展对象{#is 'PROBATIONARY'}预备党员{#is 'FULL_MEMBER'}正式党员{#else}{stage}{/when}")
    String applicant_stage_of(String stage);

    @Message("编辑")
    String edit();

    @Message("编辑党员：{name}")
    String edit_member(String name);

    @Message("编辑组织：{name}")
    String edit_organisation(String name);

    @Message("流动党员")
    String member_mobile();

    @Message("留空则保留已登记的号码（当前：{masked}）。")
    String member_id_card_help(String masked);

    @Message("名称")
    String organisation_name();

    @Message("类型")
    String organisation_kind();

    @Message("组织类型创建后不能更改。")
    String organisation_kind_fixed();

    @Message("上级组织")
    String organisation_parent();

    @Message("（无：作为根组织）")
    String organisation_root();

    @Message("移动时下级组织和党员一并移动。")
    String organisation_move_help();

    @Message("{#when kind}{#is 'COMMITTEE'}党委{#is 'GENERAL_BRANCH'}党总支{#is 'BRANCH'}党支部{#is 'GROUP'}党小组{#else}{kind}{/when}")
    String organisation_kind_of(String kind);

    @Message("请按“年-月-日”填写日期")
    String invalid_date();

    @Message("请选择列表中的一项")
    String invalid_choice();

    @Message("请填写电话号码：数字和连字符，可以“+”开头")
    String invalid_phone();

    @Message("格式不正确")
    String invalid_format();

    @Message("返回列表")
    String back_to_list();

    @Message("操作日志")
    String audit_trail();

    @Message("时间")
    String audit_time();

    @Message("操作人")
    String audit_who();

    @Message("操作")
    String audit_action();

    @Message("结果")
    String audit_status();

    @Message("页面不存在")
    String error_not_found();

    @Message("没有权限")
    String error_forbidden();

    @Message("出错了")
    String error_other();

    @Message("{#when gender}{#is 'MALE'}男{#is 'FEMALE'}女{#else}{gender}{/when}")
    String gender(String gender);

    @Message("{#when status}{#is 'FULL'}正式党员{#is 'PROBATIONARY'}预备党员{#else}{status}{/when}")
    String member_status_of(String status);

    @Message("通知公告")
    String notices();

    @Message("发布通知")
    String publish_notice();

    @Message("暂无通知。")
    String no_notices();

    @Message("未读")
    String unread();

    @Message("全体")
    String whole_tenant();

    @Message("已读 {count} 人")
    String read_count(String count);

    @Message("已读 {read} 人，应读 {audience} 人")
    String read_of(String read, String audience);

    @Message("更早的通知")
    String older_notices();

    @Message("发送给")
    String notice_to();

    @Message("通知发送给所选组织及其下级组织的全体党员。")
    String notice_to_help();

    @Message("标题")
    String notice_title();

    @Message("正文")
    String notice_body();

    @Message("发布")
    String publish();

    @Message("全部通知")
    String all_notices();

    @Message("{count} 条未读")
    String unread_notices(String count);

    @Message("我的待办")
    String my_tasks();

    @Message("暂无待办事项。")
    String no_tasks();

    @Message("我的信息")
    String my_profile();

    @Message("如信息有误，请联系所在支部书记更正。")
    String profile_help();

    @Message("出生日期")
    String member_birth_date();

    @Message("民族")
    String member_ethnicity();

    @Message("学历")
    String member_education();

    @Message("手机号码")
    String member_phone();

    @Message("入党日期")
    String member_joined_on();

    @Message("身份证号")
    String member_id_card();

    @Message("我的角色")
    String my_roles();

    @Message("{#when role}{#is 'PLATFORM_ADMIN'}平台管理员{#is 'REGION_ADMIN'}区域管理员{#is 'TENANT_ADMIN'}单位管理员{#is 'BRANCH_SECRETARY'}支部书记{#is 'MEMBER'}党员{#is 'MASSES'}群众{#else}{role}{/when}")
    String role_of(String role);

    @Message("按名称或编号查找单位")
    String find_tenant();

    @Message("没有找到符合条件的单位。")
    String no_tenants_found();

    @Message("只列出前 200 家单位，请输入名称缩小范围。")
    String more_tenants();
}
