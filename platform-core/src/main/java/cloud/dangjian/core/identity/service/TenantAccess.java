package cloud.dangjian.core.identity.service;

import cloud.dangjian.core.organisation.domain.Organisation;
import cloud.dangjian.core.organisation.domain.OrganisationRepository;
import cloud.dangjian.core.problem.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response.Status;
import java.util.List;
import java.util.Set;

/**
 * What the caller may do and write inside the current tenant. Set by {@link AccessFilter} for API requests; work
 * started by the platform itself (the demo seeder, consumers) has no caller and is not limited.
 */
@RequestScoped
public class TenantAccess {

    @Inject
    OrganisationRepository organisations;

    private List<Long> writableOrganisations = List.of();
    // Fail closed: work that no AccessFilter authorised holds no permission here.
    private Set<String> permissions = Set.of();

    /**
     * For the web shell, whose pages check the caller's grant themselves ({@code ShellAccess}) rather than through
     * {@link AccessFilter}: the services' permission and subtree checks then hold for a page as for the API.
     */
    public void adopt(Caller.TenantGrant grant) {
        limitWritesTo(grant.writableOrganisations());
        holdPermissions(grant.permissions());
    }

    void limitWritesTo(List<Long> organisationIds) {
        this.writableOrganisations = organisationIds;
    }

    void holdPermissions(Set<String> granted) {
        this.permissions = granted;
    }

    /**
     * Refuses, with 403 naming it, a permission the caller does not hold in the current tenant. For checks that depend
     * on the request's content (the purpose of an upload), beyond the one {@code @RequiresPermission} declares.
     */
    public void requirePermission(String permission) {
        if (!permissions.contains(permission)) {
            throw new ProblemException(Status.FORBIDDEN, "forbidden", "Forbidden",
                    "You need the permission '" + permission + "' in this tenant", null, null);
        }
    }

    /** Whether the caller holds {@code permission} in the current tenant. */
    public boolean holds(String permission) {
        return permissions.contains(permission);
    }

    /**
     * Refuses a write that touches {@code organisation} (a member's home branch, an applicant's branch) outside the
     * organisation subtrees a branch secretary holds.
     */
    public void requireWritable(Organisation organisation, String field) {
        if (!isWritable(organisation)) {
            throw new ProblemException(Status.FORBIDDEN, "outside-your-organisation", "Outside your organisation",
                    "Organisation '" + organisation.code() + "' is outside the organisations you are secretary of",
                    field, null);
        }
    }

    /** Whether the caller's writes reach the whole tenant (an administrator), not only some subtrees (a secretary). */
    public boolean writesWholeTenant() {
        return writableOrganisations.isEmpty();
    }

    /** Whether the caller may write what touches {@code organisation}: for work that skips what it may not touch. */
    public boolean isWritable(Organisation organisation) {
        if (writableOrganisations.isEmpty()) {
            return true;
        }
        return writableOrganisations.stream().map(organisations::findById)
                .anyMatch(scope -> scope != null && scope.contains(organisation));
    }
}
