package cloud.dangjian.core.tenancy.domain;

/** What kind of organisation a tenant is. */
public enum TenantType {
    /** 企业: a state-owned or other enterprise. */
    ENTERPRISE,
    /** 社区/村: a community or village. */
    COMMUNITY,
    /** 社会组织 (新社会组织): a social organisation. */
    SOCIAL_ORGANISATION,
    /** 非公企业 (新经济组织): a non-public enterprise. */
    NON_PUBLIC_ENTERPRISE,
    /** 机关事业单位: a government body or public institution. */
    INSTITUTION
}
