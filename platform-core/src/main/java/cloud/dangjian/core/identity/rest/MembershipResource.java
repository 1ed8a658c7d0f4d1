package cloud.dangjian.core.identity.rest;

import cloud.dangjian.core.identity.RequiresPermission;
import cloud.dangjian.core.identity.domain.Membership;
import cloud.dangjian.core.identity.domain.Permission;
import cloud.dangjian.core.identity.domain.Role;
import cloud.dangjian.core.identity.service.Caller;
import cloud.dangjian.core.identity.service.MembershipService;
import cloud.dangjian.core.identity.service.MembershipService.Grant;
import cloud.dangjian.core.problem.ProblemException;
import cloud.dangjian.core.tenancy.domain.Region;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Who belongs where: platform administrators grant anything, region administrators inside their region. */
@Path("/api/admin/memberships")
@RequiresPermission(Permission.TENANTS_MANAGE)
@Tag(name = "Memberships", description = "Roles of users in regions, tenants and organisations")
public class MembershipResource {

    /** A membership as the API shows and takes it. */
    public record MembershipBody(@NotBlank @Size(max = 255) String username, @NotNull Role role, String regionCode,
            String tenant, Long organisationId) {
    }

    @Inject
    MembershipService memberships;

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "A user's memberships")
    public List<MembershipBody> ofUser(@QueryParam("username") String username) {
        if (username == null || username.isBlank()) {
            throw ProblemException.invalidField("username", "name the user");
        }
        return memberships.ofUser(username).stream().map(MembershipResource::body).toList();
    }

    @POST
    @Operation(summary = "Grant a membership (idempotent)")
    public Response grant(@Valid @NotNull MembershipBody body) {
        Grant grant = new Grant(body.username(), body.role(), body.regionCode(), body.tenant(), body.organisationId());
        Region region = memberships.regionOf(grant);
        if (!caller.isPlatformAdmin() && (region == null || !caller.administers(region.path()))) {
            throw new ProblemException(Response.Status.FORBIDDEN, "forbidden", "Forbidden",
                    "A region administrator grants memberships inside their own region only", "role", null);
        }
        return Response.status(Response.Status.CREATED).entity(body(memberships.grant(grant))).build();
    }

    private static MembershipBody body(Membership m) {
        return new MembershipBody(m.username(), m.role(), null, m.tenantId(), m.organisationId());
    }
}
