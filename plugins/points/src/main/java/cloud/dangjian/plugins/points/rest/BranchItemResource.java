package cloud.dangjian.plugins.points.rest;

import cloud.dangjian.core.identity.RequiresPermission;
import cloud.dangjian.core.identity.service.Caller;
import cloud.dangjian.core.plugin.service.PluginStates;
import cloud.dangjian.plugins.points.PointsPlugin;
import cloud.dangjian.plugins.points.domain.Period;
import cloud.dangjian.plugins.points.service.BranchItems;
import cloud.dangjian.plugins.points.service.PointsLedger;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Branch-level items (支部积分项): what a branch earns as a whole, and their corrections. */
@Path("/api/t/{tenant}/points/branch-items")
public class BranchItemResource {

    /** Points for a branch as a whole, with the reason (支部获评先进, 三会一课 held). */
    public record NewBranchItem(@NotNull Long organisationId, @NotNull Integer points,
            @NotBlank @Size(max = 500) String reason) {
    }

    /** A compensating item; without points it undoes what remains of the item. */
    public record NewBranchCorrection(@NotNull Long itemId, Integer points, @NotBlank @Size(max = 500) String reason) {
    }

    @Inject
    BranchItems items;

    @Inject
    Caller caller;

    @Inject
    PluginStates states;

    @Inject
    PointsPlugin plugin;

    @GET
    @RequiresPermission(PointsPlugin.READ)
    @Operation(summary = "Branch-level items and their corrections of a period, newest first, optionally in an organisation's subtree")
    public List<BranchItems.Item> list(@PathParam("tenant") String tenant, @QueryParam("period") String period,
            @QueryParam("organisation") Long organisationId, @QueryParam("limit") Integer limit) {
        Period p = period == null || period.isBlank()
                ? Period.containing(states.configuration(plugin.descriptor()).appraisalPeriod(),
                        LocalDate.now(PointsLedger.ZONE))
                : Period.parse(period, "period");
        return items.list(organisationId == null ? null : items.requireOrganisation(organisationId, "organisation"), p,
                PointsResource.limit(limit, 500));
    }

    @POST
    @RequiresPermission(PointsPlugin.AWARD)
    @Operation(summary = "Grant a branch points as a whole (支部积分项), with a reason, inside your organisation")
    public Response grant(@PathParam("tenant") String tenant, @Valid @NotNull NewBranchItem body) {
        BranchItems.Item item = items.grant(body.organisationId(), body.points(), body.reason(), caller.username());
        return Response.status(Response.Status.CREATED).entity(item).build();
    }

    @POST
    @Path("/corrections")
    @RequiresPermission(PointsPlugin.AWARD)
    @Operation(summary = "Correct a branch item with a compensating item and a reason; items are never edited")
    public Response correct(@PathParam("tenant") String tenant, @Valid @NotNull NewBranchCorrection body) {
        BranchItems.Item item = items.correct(body.itemId(), body.points(), body.reason(), caller.username());
        return Response.status(Response.Status.CREATED).entity(item).build();
    }
}
