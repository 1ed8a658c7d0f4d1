package cloud.dangjian.core.event.rest;

import cloud.dangjian.core.event.service.ParkedEventRetries;
import cloud.dangjian.core.event.service.ParkedEvents;
import cloud.dangjian.core.identity.RequiresPermission;
import cloud.dangjian.core.identity.domain.Permission;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Poison events: what a consumer gave up on after every retry, and a way to try again once the cause is fixed. */
@Path("/api/admin/events/parked")
@Tag(name = "Events", description = "Domain events that consumers could not process")
@RequiresPermission(Permission.EVENTS_MANAGE)
public class ParkedEventResource {

    @Inject
    ParkedEvents parked;

    @Inject
    ParkedEventRetries retries;

    @GET
    @Operation(summary = "Open parked events, newest first")
    public List<ParkedEvents.Parked> open(@QueryParam("limit") @DefaultValue("100") int limit) {
        return parked.open(limit);
    }

    @POST
    @Path("/{id}/retry")
    @Operation(summary = "Runs the consumer on the parked event once more; resolves it when that succeeds")
    public ParkedEvents.Parked retry(@PathParam("id") long id) {
        return retries.retry(id);
    }
}
