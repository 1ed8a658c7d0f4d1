package cloud.dangjian.core.identity.domain;

import static cloud.dangjian.core.identity.domain.Permission.APPLICANTS_READ;
import static cloud.dangjian.core.identity.domain.Permission.APPLICANTS_WRITE;
import static cloud.dangjian.core.identity.domain.Permission.AUDIT_READ;
import static cloud.dangjian.core.identity.domain.Permission.EVENTS_MANAGE;
import static cloud.dangjian.core.identity.domain.Permission.FILES_READ;
import static cloud.dangjian.core.identity.domain.Permission.FILES_WRITE;
import static cloud.dangjian.core.identity.domain.Permission.MEMBERS_READ;
import static cloud.dangjian.core.identity.domain.Permission.MEMBERS_WRITE;
import static cloud.dangjian.core.identity.domain.Permission.NOTICES_PUBLISH;
import static cloud.dangjian.core.identity.domain.Permission.NOTICES_READ;
import static cloud.dangjian.core.identity.domain.Permission.ONBOARDING_IMPORT;
import static cloud.dangjian.core.identity.domain.Permission.ORGANISATIONS_READ;
import static cloud.dangjian.core.identity.domain.Permission.ORGANISATIONS_WRITE;
import static cloud.dangjian.core.identity.domain.Permission.PLUGINS_MANAGE;
import static cloud.dangjian.core.identity.domain.Permission.PLUGINS_READ;
import static cloud.dangjian.core.identity.domain.Permission.REGIONS_MANAGE;
import static cloud.dangjian.core.identity.domain.Permission.TENANTS_MANAGE;

import java.util.Set;

/**
 * What a membership lets its holder do, and where. The one place roles map to permission sets.
 */
public enum Role {
    /** 平台管理员: everything, everywhere. */
    PLATFORM_ADMIN(Scope.PLATFORM,
            Set.of(REGIONS_MANAGE, TENANTS_MANAGE, ONBOARDING_IMPORT, ORGANISATIONS_READ, ORGANISATIONS_WRITE,
                    MEMBERS_READ, MEMBERS_WRITE, APPLICANTS_READ, APPLICANTS_WRITE, AUDIT_READ, FILES_READ, FILES_WRITE,
                    PLUGINS_READ, PLUGINS_MANAGE, EVENTS_MANAGE, NOTICES_READ, NOTICES_PUBLISH)),
    /** 区域管理员 (组织部): every tenant below their region. */
    REGION_ADMIN(Scope.REGION,
            Set.of(REGIONS_MANAGE, TENANTS_MANAGE, ONBOARDING_IMPORT, ORGANISATIONS_READ, ORGANISATIONS_WRITE,
                    MEMBERS_READ, MEMBERS_WRITE, APPLICANTS_READ, APPLICANTS_WRITE, AUDIT_READ, FILES_READ, FILES_WRITE,
                    PLUGINS_READ, PLUGINS_MANAGE, NOTICES_READ, NOTICES_PUBLISH)),
    /** 租户管理员 (党委书记, 党务工作者): their tenant. */
    TENANT_ADMIN(Scope.TENANT,
            Set.of(ORGANISATIONS_READ, ORGANISATIONS_WRITE, MEMBERS_READ, MEMBERS_WRITE, APPLICANTS_READ,
                    APPLICANTS_WRITE, AUDIT_READ, FILES_READ, FILES_WRITE, PLUGINS_READ, PLUGINS_MANAGE, NOTICES_READ,
                    NOTICES_PUBLISH)),
    /** 支部书记: reads their tenant's tree; writes members and applicants inside their organisation's subtree. */
    BRANCH_SECRETARY(Scope.ORGANISATION,
            Set.of(ORGANISATIONS_READ, MEMBERS_READ, MEMBERS_WRITE, APPLICANTS_READ, APPLICANTS_WRITE, AUDIT_READ,
                    FILES_READ, FILES_WRITE, PLUGINS_READ, NOTICES_READ, NOTICES_PUBLISH)),
    /**
     * 党员: sees their tenant's organisation tree and downloads its files; uploads only for purposes whose policy lets
     * readers upload (an avatar), never for attachments.
     */
    MEMBER(Scope.TENANT, Set.of(ORGANISATIONS_READ, FILES_READ, PLUGINS_READ, NOTICES_READ)),
    /** 群众: takes part in public activities; no access to party records. */
    MASSES(Scope.TENANT, Set.of(PLUGINS_READ));

    /** Where a role applies. */
    public enum Scope {
        PLATFORM, REGION, TENANT, ORGANISATION
    }

    private final Scope scope;
    private final Set<String> permissions;

    Role(Scope scope, Set<String> permissions) {
        this.scope = scope;
        this.permissions = permissions;
    }

    public Scope scope() {
        return scope;
    }

    /** The core's permissions of this role; {@code RolePermissions} adds those plugins grant it. */
    public Set<String> permissions() {
        return permissions;
    }
}
