package cloud.dangjian.core.tenancy.rest;

import cloud.dangjian.core.identity.RequiresPermission;
import cloud.dangjian.core.identity.domain.Permission;
import cloud.dangjian.core.identity.service.Caller;
import cloud.dangjian.core.problem.ProblemException;
import cloud.dangjian.core.tenancy.domain.Region;
import cloud.dangjian.core.tenancy.domain.RegionLevel;
import cloud.dangjian.core.tenancy.service.RegionService;
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

/** Region trees, for platform and region administrators. */
@Path("/api/admin/regions")
@RequiresPermission(Permission.REGIONS_MANAGE)
@Tag(name = "Regions", description = "The region tree: organisation department → area → co-building group → station → grid")
public class RegionResource {

    /** A region as the API shows it. */
    public record RegionView(String code, String name, RegionLevel level, String parentCode, String path) {
        static RegionView of(Region region) {
            String[] codes = region.path().substring(1).split("/");
            String parent = codes.length > 1 ? codes[codes.length - 2] : null;
            return new RegionView(region.code(), region.name(), region.level(), parent, region.path());
        }
    }

    /** A new region. */
    public record NewRegion(
            @NotBlank @Size(max = 64) @Pattern(regexp = "^[a-z0-9][a-z0-9-]*$", message = "must be lower-case letters, digits and hyphens") String code,
            @NotBlank @Size(max = 200) String name, @NotNull RegionLevel level, String parentCode) {
    }

    /** A region's new name. */
    public record RegionRename(@NotBlank @Size(max = 200) String name) {
    }

    @Inject
    RegionService regions;

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "List regions, or the subtree under one region, parents first")
    public List<RegionView> list(@QueryParam("under") String under) {
        if (under != null) {
            caller.requireAdministers(regions.get(under));
        }
        // A region administrator sees their own subtrees, whatever they ask for.
        return regions.list(under).stream().filter(region -> caller.administers(region.path())).map(RegionView::of)
                .toList();
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "Read one region")
    public RegionView get(@PathParam("code") String code) {
        Region region = regions.get(code);
        caller.requireAdministers(region);
        return RegionView.of(region);
    }

    @POST
    @Operation(summary = "Create a region under a parent (or a root organisation department)")
    public Response create(@Valid @NotNull NewRegion region, UriInfo uriInfo) {
        if (region.parentCode() == null && !caller.isPlatformAdmin()) {
            throw ProblemException.invalidField("parentCode", "only a platform administrator creates a root region");
        }
        if (region.parentCode() != null) {
            caller.requireAdministers(regions.get(region.parentCode()));
        }
        Region created = regions.create(region.code(), region.name(), region.level(), region.parentCode());
        return Response.created(uriInfo.getAbsolutePathBuilder().path(created.code()).build())
                .entity(RegionView.of(created)).build();
    }

    @PATCH
    @Path("/{code}")
    @Operation(summary = "Rename a region")
    public RegionView rename(@PathParam("code") String code, @Valid @NotNull RegionRename rename) {
        caller.requireAdministers(regions.get(code));
        return RegionView.of(regions.rename(code, rename.name()));
    }
}
