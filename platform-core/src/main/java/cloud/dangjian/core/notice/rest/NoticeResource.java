package cloud.dangjian.core.notice.rest;

import cloud.dangjian.core.identity.RequiresPermission;
import cloud.dangjian.core.identity.domain.Permission;
import cloud.dangjian.core.identity.service.Caller;
import cloud.dangjian.core.notice.domain.Notice;
import cloud.dangjian.core.notice.service.NoticeBoard;
import cloud.dangjian.core.notice.service.NoticeBoard.NoticeLine;
import cloud.dangjian.core.notice.service.NoticeBoard.OpenedNotice;
import cloud.dangjian.core.notice.service.NoticeReaders;
import cloud.dangjian.core.problem.ProblemException;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Notices (通知公告) sent down the organisation tree of one tenant, with read receipts. */
@Path("/api/t/{tenant}/notices")
@Tag(name = "Notices", description = "Notices to an organisation's subtree or the whole tenant, and who read them")
public class NoticeResource {

    /** A notice to publish: to {@code organisationId}'s subtree, or the whole tenant when it is absent. */
    public record NewNotice(Long organisationId, @NotBlank @Size(max = NoticeBoard.MAX_TITLE) String title,
            @NotBlank @Size(max = NoticeBoard.MAX_BODY) String body) {
    }

    /** A notice as the API shows it; the counts are those a secretary or administrator sees, else 0. */
    public record NoticeView(long id, String title, String organisationName, String publishedBy,
            java.time.Instant publishedAt, boolean read, long readCount, String body, long audience) {
        static NoticeView of(NoticeLine line, String body, long audience) {
            return new NoticeView(line.id(), line.title(), line.organisationName(), line.publishedBy(),
                    line.publishedAt(), line.read(), line.readCount(), body, audience);
        }
    }

    @Inject
    NoticeBoard board;

    @Inject
    NoticeReaders readers;

    @Inject
    Caller caller;

    @GET
    @Transactional
    @RequiresPermission(Permission.NOTICES_READ)
    @Operation(summary = "The notices that reach the caller, newest first; `before` pages to older ones")
    public List<NoticeView> list(@QueryParam("before") Long before,
            @QueryParam("size") @DefaultValue("20") @Min(value = 1, message = "must be at least 1") @Max(value = 100, message = "must be at most 100") int size) {
        return board.reaching(readers.current(), before, size).stream().map(line -> NoticeView.of(line, null, 0))
                .toList();
    }

    @GET
    @Path("/{id}")
    @Transactional
    @RequiresPermission(Permission.NOTICES_READ)
    @Operation(summary = "Open a notice, recording that the caller read it")
    public NoticeView open(@PathParam("id") long id) {
        OpenedNotice opened = board.open(readers.current(), id)
                .orElseThrow(() -> ProblemException.notFound("Notice", id));
        return NoticeView.of(opened.line(), opened.body(), opened.audience());
    }

    @POST
    @Transactional
    @RequiresPermission(Permission.NOTICES_PUBLISH)
    @Operation(summary = "Publish a notice to an organisation's subtree, or to the whole tenant")
    public Response publish(@Valid @NotNull NewNotice body, UriInfo uriInfo) {
        Notice notice = board.publish(body.organisationId(), body.title(), body.body(), caller.username());
        return Response.created(uriInfo.getAbsolutePathBuilder().path(String.valueOf(notice.id())).build())
                .entity(new NoticeView(notice.id(), notice.title(), null, notice.publishedBy(), notice.publishedAt(),
                        false, 0, notice.body(), 0))
                .build();
    }
}
