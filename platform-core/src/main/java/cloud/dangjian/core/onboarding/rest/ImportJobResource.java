package cloud.dangjian.core.onboarding.rest;

import cloud.dangjian.core.identity.RequiresPermission;
import cloud.dangjian.core.identity.domain.Permission;
import cloud.dangjian.core.identity.service.Caller;
import cloud.dangjian.core.identity.service.TenantAccess;
import cloud.dangjian.core.onboarding.domain.ImportJobKind;
import cloud.dangjian.core.onboarding.file.OwnTenantRows;
import cloud.dangjian.core.onboarding.file.TabularFile;
import cloud.dangjian.core.onboarding.file.TabularRow;
import cloud.dangjian.core.onboarding.service.ImportJobs;
import cloud.dangjian.core.onboarding.service.ImportJobs.JobView;
import cloud.dangjian.core.onboarding.service.MemberImporter;
import cloud.dangjian.core.onboarding.service.OrganisationImporter;
import cloud.dangjian.core.problem.Problem;
import cloud.dangjian.core.problem.ProblemException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A tenant's own bulk imports, run in the background: upload a file, get a job at once, poll it for progress and, at
 * the end, what it did or every bad row. The same rules as the region import: checked whole, written all or nothing.
 */
@Path("/api/t/{tenant}/import-jobs")
@Tag(name = "Onboarding", description = "Bulk import of organisations and members into the tenants of a region")
public class ImportJobResource {

    @Inject
    ImportJobs jobs;

    @Inject
    TenantAccess access;

    @Inject
    Caller caller;

    @POST
    @RequiresPermission(Permission.MEMBERS_WRITE)
    @Consumes({ TabularFile.CSV, TabularFile.XLSX })
    @Operation(summary = "Start importing a file of the tenant's organisations or members (the tenant column optional)")
    public Response start(@PathParam("tenant") String tenant, @QueryParam("kind") String kind,
            @QueryParam("dryRun") boolean dryRun, @QueryParam("fileName") String fileName,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body, UriInfo uriInfo) {
        requireWholeTenant();
        ImportJobKind what = kind(kind);
        List<TabularRow> rows = ownRows(tenant, what, TabularFile.read(body, contentType, columns(what)));
        JobView job = jobs.start(what, fileName, dryRun, rows, caller.username());
        return Response.accepted(job).location(uriInfo.getAbsolutePathBuilder().path(job.id().toString()).build())
                .build();
    }

    @GET
    @Path("/{id}")
    @RequiresPermission(Permission.MEMBERS_WRITE)
    @Operation(summary = "An import job: its progress, then what it imported or the file's bad rows")
    public JobView get(@PathParam("id") UUID id) {
        requireWholeTenant();
        return jobs.get(id);
    }

    /** A file may touch every branch of the tenant, so a secretary of some branches may not import one. */
    private void requireWholeTenant() {
        if (!access.writesWholeTenant()) {
            throw new ProblemException(Status.FORBIDDEN, "forbidden", "Forbidden",
                    "Bulk import needs 'members:write' over the whole tenant, not some of its organisations", null,
                    null);
        }
    }

    /** The columns the file must have; the tenant column may be left out of a tenant's own file. */
    public static Set<String> columns(ImportJobKind kind) {
        Set<String> columns = new LinkedHashSet<>(
                kind == ImportJobKind.ORGANISATIONS ? OrganisationImporter.COLUMNS : MemberImporter.COLUMNS);
        columns.remove("tenant");
        return columns;
    }

    /** The rows with the tenant filled in; a row naming another tenant refuses the file. */
    public static List<TabularRow> ownRows(String tenant, ImportJobKind kind, List<TabularRow> rows) {
        List<Problem.FieldError> errors = new ArrayList<>();
        List<TabularRow> filled = OwnTenantRows.fill(rows, tenant, errors);
        if (!errors.isEmpty()) {
            throw new ProblemException(422, "invalid-rows", "Invalid rows",
                    "The file names another tenant in " + errors.size() + " rows; nothing was imported.", "tenant",
                    errors);
        }
        return filled;
    }

    private static ImportJobKind kind(String kind) {
        if ("members".equals(kind)) {
            return ImportJobKind.MEMBERS;
        }
        if ("organisations".equals(kind)) {
            return ImportJobKind.ORGANISATIONS;
        }
        throw ProblemException.invalidField("kind", "kind must be 'members' or 'organisations'");
    }
}
