package cloud.dangjian.core.identity.rest;

import cloud.dangjian.core.identity.Authenticated;
import cloud.dangjian.core.identity.domain.Membership;
import cloud.dangjian.core.identity.domain.Role;
import cloud.dangjian.core.identity.service.Caller;
import cloud.dangjian.core.identity.service.MembershipService;
import cloud.dangjian.core.identity.service.RolePermissions;
import cloud.dangjian.core.tenancy.domain.RegionRepository;
import io.quarkus.oidc.runtime.OidcJwtCallerPrincipal;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Who the caller is and where they belong. */
@Path("/api/me")
@Tag(name = "Me", description = "The signed-in caller and their memberships")
public class MeResource {

    /** One membership with the permissions it grants. */
    public record MembershipView(Role role, String regionCode, String tenant, Long organisationId,
            Set<String> permissions) {
    }

    /** The caller. */
    public record MeView(String userId, String username, String name, List<MembershipView> memberships) {
    }

    @Inject
    Caller caller;

    @Inject
    SecurityIdentity identity;

    @Inject
    RegionRepository regions;

    @Inject
    MembershipService memberships;

    @Inject
    RolePermissions rolePermissions;

    @GET
    @Authenticated
    @Transactional
    @Operation(summary = "The caller: user id, name, and every membership with its permissions")
    public MeView me() {
        String userId = null;
        String name = caller.username();
        if (identity.getPrincipal() instanceof OidcJwtCallerPrincipal jwt) {
            userId = jwt.getSubject();
            name = jwt.getClaim("name") != null ? jwt.getClaim("name").toString() : name;
        }
        List<MembershipView> views = memberships.ofUser(caller.username()).stream().map(this::view).toList();
        return new MeView(userId, caller.username(), name, views);
    }

    private MembershipView view(Membership m) {
        String regionCode = m.regionId() == null ? null : regions.findById(m.regionId()).code();
        return new MembershipView(m.role(), regionCode, m.tenantId(), m.organisationId(),
                new TreeSet<>(rolePermissions.of(m.role())));
    }
}
