package cloud.dangjian.core.organisation.rest;

import cloud.dangjian.core.identity.RequiresPermission;
import cloud.dangjian.core.identity.domain.Permission;
import cloud.dangjian.core.organisation.domain.Organisation;
import cloud.dangjian.core.organisation.domain.OrganisationKind;
import cloud.dangjian.core.organisation.service.OrganisationService;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The organisation tree of one tenant: 党委 → 党总支 → 党支部 → 党小组. */
@Path("/api/t/{tenant}/organisations")
@Tag(name = "Organisations", description = "A tenant's party organisation tree: create, rename, move")
public class OrganisationResource {

    /** An organisation as the API shows it. */
    public record OrganisationView(long id, String code, String name, OrganisationKind kind, Long parentId,
            String path) {
        static OrganisationView of(Organisation o) {
            return new OrganisationView(o.id(), o.code(), o.name(), o.kind(), o.parentId(), o.path());
        }
    }

    /** A new organisation; without a parent it is a root of the tenant's tree. */
    public record NewOrganisation(
            @NotBlank @Size(max = 64) @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9_.-]*$", message = "must be letters, digits, '_', '.' or '-'") String code,
            @NotBlank @Size(max = 200) String name, @NotNull OrganisationKind kind, Long parentId) {
    }

    /** A new name. */
    public record Rename(@NotBlank @Size(max = 200) String name) {
    }

    /** A new parent; null moves the organisation to the root. */
    public record Move(Long parentId) {
    }

    @Inject
    OrganisationService organisations;

    @GET
    @RequiresPermission(Permission.ORGANISATIONS_READ)
    @Operation(summary = "The whole tree, or the subtree under one organisation, parents first")
    public List<OrganisationView> list(@QueryParam("under") Long under) {
        return organisations.list(under).stream().map(OrganisationView::of).toList();
    }

    @GET
    @Path("/{id}")
    @RequiresPermission(Permission.ORGANISATIONS_READ)
    @Operation(summary = "Read one organisation")
    public OrganisationView get(@PathParam("id") long id) {
        return OrganisationView.of(organisations.get(id));
    }

    @POST
    @RequiresPermission(Permission.ORGANISATIONS_WRITE)
    @Operation(summary = "Create an organisation under a parent, or a root")
    public Response create(@Valid @NotNull NewOrganisation body, UriInfo uriInfo) {
        Organisation created = organisations.create(body.code(), body.name(), body.kind(), body.parentId());
        return Response.created(uriInfo.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
                .entity(OrganisationView.of(created)).build();
    }

    @PATCH
    @Path("/{id}")
    @RequiresPermission(Permission.ORGANISATIONS_WRITE)
    @Operation(summary = "Rename an organisation")
    public OrganisationView rename(@PathParam("id") long id, @Valid @NotNull Rename body) {
        return OrganisationView.of(organisations.rename(id, body.name()));
    }

    @POST
    @Path("/{id}/move")
    @RequiresPermission(Permission.ORGANISATIONS_WRITE)
    @Operation(summary = "Move an organisation, with its whole subtree, under a new parent")
    public OrganisationView move(@PathParam("id") long id, @NotNull Move body) {
        return OrganisationView.of(organisations.move(id, body.parentId()));
    }
}
