package cloud.dangjian.plugins.points.service;

import cloud.dangjian.core.identity.service.Caller;
import cloud.dangjian.core.identity.service.MembershipDirectory;
import cloud.dangjian.core.plugin.service.PluginStates;
import cloud.dangjian.core.problem.ProblemException;
import cloud.dangjian.core.tenancy.context.CurrentTenant;
import cloud.dangjian.core.tenancy.service.TenantStatusGate;
import cloud.dangjian.plugins.points.PointsPlugin;
import cloud.dangjian.plugins.points.config.PointsConfig;
import cloud.dangjian.plugins.points.domain.ApproverRole;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response.Status;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The tenant's {@code approvers} setting, applied: who of the holders of {@code points:award} and
 * {@code points:manage-tasks} may grant which kind of points. Checked in addition to the permission, never instead.
 */
@ApplicationScoped
public class PointsApprovers {

    /** The kinds of points a person grants by hand, each with its setting under {@code approvers}. */
    public enum Kind {
        BONUS("bonus", "bonus awards"), CORRECTION("correction", "corrections"), TASK("task", "task approvals"),
        BRANCH("branch", "branch-level items");

        private final String setting;
        private final String what;

        Kind(String setting, String what) {
            this.setting = setting;
            this.what = what;
        }

        /** The setting's path in the configuration, {@code approvers.task}. */
        public String setting() {
            return "approvers." + setting;
        }
    }

    @Inject
    Caller caller;

    @Inject
    TenantStatusGate gate;

    @Inject
    CurrentTenant currentTenant;

    @Inject
    PluginStates states;

    @Inject
    PointsPlugin plugin;

    /** Refuses (403 {@code not-an-approver}) a caller none of whose roles in this tenant approves {@code kind}. */
    public void require(Kind kind) {
        List<ApproverRole> allowed = allowed(kind);
        Set<ApproverRole> held = rolesOfCaller();
        if (allowed.stream().noneMatch(held::contains)) {
            throw new ProblemException(Status.FORBIDDEN, "not-an-approver", "Not an approver",
                    "In this tenant " + kind.what + " are granted by " + allowed + " (the points setting "
                            + kind.setting() + "); your roles here are " + (held.isEmpty() ? "none of those" : held),
                    null, null);
        }
    }

    /** Whether the caller may grant {@code kind}: for pages that show or hide a button. */
    public boolean mayGrant(Kind kind) {
        List<ApproverRole> allowed = allowed(kind);
        return rolesOfCaller().stream().anyMatch(allowed::contains);
    }

    /** The roles the tenant's settings name for a kind. */
    public List<ApproverRole> allowed(Kind kind) {
        PointsConfig.Approvers approvers = states.configuration(plugin.descriptor()).approvers();
        return switch (kind) {
            case BONUS -> approvers.bonus();
            case CORRECTION -> approvers.correction();
            case TASK -> approvers.task();
            case BRANCH -> approvers.branch();
        };
    }

    /**
     * The caller's roles in the current tenant, as far as approvals go: a tenant administrator's membership, and a
     * platform or region administrator over the tenant, count as TENANT_ADMIN; a branch secretary's as
     * BRANCH_SECRETARY.
     */
    public Set<ApproverRole> rolesOfCaller() {
        String tenant = currentTenant.require();
        Set<ApproverRole> roles = EnumSet.noneOf(ApproverRole.class);
        String regionPath = null;
        for (MembershipDirectory.Entry membership : caller.memberships()) {
            switch (membership.role()) {
                case PLATFORM_ADMIN -> roles.add(ApproverRole.TENANT_ADMIN);
                case REGION_ADMIN -> {
                    if (regionPath == null) {
                        TenantStatusGate.Standing standing = gate.standing(tenant);
                        regionPath = standing == null ? "" : standing.regionPath();
                    }
                    if (membership.regionPath() != null && !regionPath.isEmpty()
                            && regionPath.startsWith(membership.regionPath())) {
                        roles.add(ApproverRole.TENANT_ADMIN);
                    }
                }
                case TENANT_ADMIN -> {
                    if (tenant.equals(membership.tenantId())) {
                        roles.add(ApproverRole.TENANT_ADMIN);
                    }
                }
                case BRANCH_SECRETARY -> {
                    if (tenant.equals(membership.tenantId())) {
                        roles.add(ApproverRole.BRANCH_SECRETARY);
                    }
                }
                default -> {
                }
            }
        }
        return roles;
    }
}
