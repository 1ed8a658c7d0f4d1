package cloud.dangjian.core.identity.domain;

/**
 * The core's permissions, named {@code <area>:<action>}. Plugins declare theirs the same way (as strings with their
 * plugin id as the area), so a permission is checked as a string everywhere.
 */
public final class Permission {

    public static final String REGIONS_MANAGE = "regions:manage";
    public static final String TENANTS_MANAGE = "tenants:manage";
    public static final String ONBOARDING_IMPORT = "onboarding:import";
    public static final String ORGANISATIONS_READ = "organisations:read";
    public static final String ORGANISATIONS_WRITE = "organisations:write";
    public static final String MEMBERS_READ = "members:read";
    public static final String MEMBERS_WRITE = "members:write";
    public static final String APPLICANTS_READ = "applicants:read";
    public static final String APPLICANTS_WRITE = "applicants:write";
    public static final String AUDIT_READ = "audit:read";
    /** Read the notices that reach one's branch (secretaries and administrators: every notice of the tenant). */
    public static final String NOTICES_READ = "notices:read";
    /** Publish notices to organisations inside one's writable subtree (administrators: the whole tenant). */
    public static final String NOTICES_PUBLISH = "notices:publish";
    /** See which plugins a tenant has on, and their settings (every member: the shell builds its menu from it). */
    public static final String PLUGINS_READ = "plugins:read";
    /** Switch plugins on and off and configure them, for a tenant or, as defaults, for a region. */
    public static final String PLUGINS_MANAGE = "plugins:manage";
    /** See and retry the domain events a consumer failed on (platform operations). */
    public static final String EVENTS_MANAGE = "events:manage";
    /** Download the tenant's stored files (presigned GET), and upload for purposes whose policy allows readers to. */
    public static final String FILES_READ = "files:read";
    /** Upload files for any purpose the tenant accepts (presigned PUT). */
    public static final String FILES_WRITE = "files:write";

    private Permission() {
    }
}
