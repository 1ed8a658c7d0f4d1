package cloud.dangjian.plugins.points.rest;

import cloud.dangjian.core.identity.RequiresPermission;
import cloud.dangjian.core.identity.service.Caller;
import cloud.dangjian.core.identity.service.TenantAccess;
import cloud.dangjian.core.problem.ProblemException;
import cloud.dangjian.plugins.points.PointsPlugin;
import cloud.dangjian.plugins.points.domain.PointsTask;
import cloud.dangjian.plugins.points.domain.TaskStatus;
import cloud.dangjian.plugins.points.service.MemberLink;
import cloud.dangjian.plugins.points.service.PointsAwards;
import cloud.dangjian.plugins.points.service.PointsTaskRejections;
import cloud.dangjian.plugins.points.service.PointsTasks;
import io.quarkus.narayana.jta.QuarkusTransaction;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** 工作任务: publish, claim, complete and approve tasks worth points. */
@Path("/api/t/{tenant}/points/tasks")
public class PointsTaskResource {

    /** A task to publish for an organisation. */
    public record NewTask(@NotNull Long organisationId, @NotBlank @Size(max = 200) String title,
            @Size(max = 2000) String description, @NotNull Integer points) {
    }

    /** Whom a claim is for: empty for oneself; a member id when someone who manages tasks assigns it. */
    public record Claim(Long memberId) {
    }

    /** A completion report. */
    public record Completion(@Size(max = 2000) String note) {
    }

    /** Why a completed task goes back to its member. */
    public record SendBack(@NotBlank @Size(max = 500) String reason) {
    }

    @Inject
    PointsTasks tasks;

    @Inject
    PointsAwards awards;

    @Inject
    PointsTaskRejections rejections;

    @Inject
    MemberLink link;

    @Inject
    Caller caller;

    @Inject
    TenantAccess access;

    @GET
    @RequiresPermission(PointsPlugin.TAKE_TASKS)
    @Operation(summary = "Tasks of the tenant, newest first, optionally of one status")
    public List<PointsTask> list(@PathParam("tenant") String tenant, @QueryParam("status") TaskStatus status,
            @QueryParam("limit") Integer limit) {
        return tasks.list(status, PointsResource.limit(limit, 500));
    }

    @GET
    @Path("/{id}")
    @RequiresPermission(PointsPlugin.TAKE_TASKS)
    public PointsTask get(@PathParam("tenant") String tenant, @PathParam("id") long id) {
        return tasks.require(id);
    }

    @POST
    @RequiresPermission(PointsPlugin.MANAGE_TASKS)
    @Operation(summary = "Publish a task worth points for an organisation inside yours")
    public Response publish(@PathParam("tenant") String tenant, @Valid @NotNull NewTask body) {
        PointsTask task = tasks.publish(body.organisationId(), body.title(), body.description(), body.points(),
                caller.username());
        return Response.status(Response.Status.CREATED).entity(task).build();
    }

    @POST
    @Path("/{id}/claim")
    @RequiresPermission(PointsPlugin.TAKE_TASKS)
    @Operation(summary = "Claim an open task for yourself, or (managing tasks) for a member of your organisation")
    public PointsTask claim(@PathParam("tenant") String tenant, @PathParam("id") long id, Claim body) {
        Long memberId = body == null ? null : body.memberId();
        return QuarkusTransaction.requiringNew().call(() -> {
            long member;
            if (memberId == null) {
                member = link.memberOf(caller.username()).orElseThrow(() -> ProblemException.invalidField("memberId",
                        "your login is not linked to a member record here; name the member you claim the task for"));
            } else {
                access.requirePermission(PointsPlugin.MANAGE_TASKS);
                awards.requireWritableMember(memberId, "memberId");
                member = memberId;
            }
            return tasks.claim(id, member, caller.username());
        });
    }

    @POST
    @Path("/{id}/complete")
    @RequiresPermission(PointsPlugin.TAKE_TASKS)
    @Operation(summary = "Report a claimed task done")
    public PointsTask complete(@PathParam("tenant") String tenant, @PathParam("id") long id, @Valid Completion body) {
        return tasks.complete(id, body == null ? null : body.note(), caller.username(),
                access.holds(PointsPlugin.MANAGE_TASKS));
    }

    @POST
    @Path("/{id}/approve")
    @RequiresPermission(PointsPlugin.MANAGE_TASKS)
    @Operation(summary = "Approve a completed task: its member gets its points; nobody approves their own task")
    public PointsTask approve(@PathParam("tenant") String tenant, @PathParam("id") long id) {
        return tasks.approve(id, caller.username());
    }

    @POST
    @Path("/{id}/send-back")
    @RequiresPermission(PointsPlugin.MANAGE_TASKS)
    @Operation(summary = "Send a completed task back to its member with a reason (退回): it is theirs to redo, no points")
    public PointsTask sendBack(@PathParam("tenant") String tenant, @PathParam("id") long id,
            @Valid @NotNull SendBack body) {
        return rejections.reject(id, body.reason(), caller.username());
    }
}
