package cloud.dangjian.plugins.points.domain;

import cloud.dangjian.core.plugin.spi.Setting;

/**
 * The roles a tenant can name as approvers of a kind of points (the {@code approvers} setting). Platform and region
 * administrators count as tenant administrators, as they do for every permission.
 */
public enum ApproverRole {
    @Setting(zhCN = "支部书记", en = "Branch secretary")
    BRANCH_SECRETARY, @Setting(zhCN = "租户管理员", en = "Tenant administrator")
    TENANT_ADMIN
}
