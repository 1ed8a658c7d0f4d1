package cloud.dangjian.core.tenancy.domain;

/** Whether a tenant's API answers. Suspended and archived tenants keep all their data. */
public enum TenantStatus {
    ACTIVE,
    /** Temporarily switched off by a region or platform administrator; can be reactivated. */
    SUSPENDED,
    /** Retired: read by nobody through the tenant API, kept for the record; can be reactivated by a platform admin. */
    ARCHIVED
}
