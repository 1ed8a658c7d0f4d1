package cloud.dangjian.core.web.rest;

import cloud.dangjian.core.identity.domain.Permission;
import cloud.dangjian.core.identity.service.Caller;
import cloud.dangjian.core.onboarding.domain.ImportJobKind;
import cloud.dangjian.core.onboarding.file.TabularFile;
import cloud.dangjian.core.onboarding.file.TabularRow;
import cloud.dangjian.core.onboarding.rest.ImportJobResource;
import cloud.dangjian.core.onboarding.service.ImportJobs;
import cloud.dangjian.core.onboarding.service.ImportJobs.JobView;
import cloud.dangjian.core.problem.Problem;
import cloud.dangjian.core.problem.ProblemException;
import cloud.dangjian.core.tenancy.context.TenantScope;
import cloud.dangjian.core.web.WebMessages;
import cloud.dangjian.core.web.service.ConsoleNavigation;
import cloud.dangjian.core.web.service.FormTokens;
import cloud.dangjian.core.web.service.Locales;
import cloud.dangjian.core.web.service.ShellAccess;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * A tenant administrator's bulk import of their own organisations or members from a CSV or XLSX file. The upload is
 * read at once (a file that cannot be read, or lacks a column, is refused on the spot); its rows are then checked and
 * imported by a background job, whose page shows a progress bar and, at the end, what was imported or each bad row with
 * its line, column and reason. A file with a bad row is refused whole.
 */
@Path("/t/{tenant}/admin/import")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class ImportPages {

    /** The form, and a file refused before it became a job. */
    public record Page(String tenant, String csrf, List<ConsoleNavigation.Item> nav, String kind,
            List<Problem.FieldError> errors) {
    }

    /** A job's page: its progress while it runs, its outcome once it has ended, and the form again. */
    public record JobPage(String tenant, String csrf, List<ConsoleNavigation.Item> nav, JobView job, String label) {

        /** DONE, REFUSED, FAILED or one of the running states. */
        public String state() {
            return job.status().name();
        }

        /** The form's choice for the next file: the kind of this one. */
        public String kind() {
            return job.kind() == ImportJobKind.ORGANISATIONS ? "organisations" : "members";
        }
    }

    /** What the page's script polls. */
    public record Status(String status, int percent, int processedRows, int totalRows, boolean ended, String label) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(Page page);

        static native TemplateInstance job(JobPage page);
    }

    @Inject
    ShellAccess access;

    @Inject
    Caller caller;

    @Inject
    FormTokens formTokens;

    @Inject
    TenantScope tenantScope;

    @Inject
    ImportJobs jobs;

    @Inject
    ConsoleNavigation navigation;

    @GET
    public TemplateInstance form(@PathParam("tenant") String tenant, @CookieParam(Locales.COOKIE) String lang) {
        Caller.TenantGrant grant = require(tenant);
        Locale locale = Locales.of(lang);
        return Templates
                .form(new Page(tenant, formTokens.issue(caller.username(), tenant),
                        navigation.of(tenant, grant, locale, "/t/" + tenant + "/admin/import"), "members", List.of()))
                .setLocale(locale);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Transactional(Transactional.TxType.NEVER)
    public Response upload(@PathParam("tenant") String tenant, @RestForm("csrf") String csrf,
            @RestForm("kind") String kind, @RestForm("dryRun") String dryRun, @RestForm("file") FileUpload file,
            @CookieParam(Locales.COOKIE) String lang) {
        Caller.TenantGrant grant = require(tenant);
        if (!formTokens.valid(csrf, caller.username(), tenant)) {
            throw new ForbiddenException("The form is out of date; reload the page and submit again");
        }
        ImportJobKind what = "organisations".equals(kind) ? ImportJobKind.ORGANISATIONS : ImportJobKind.MEMBERS;
        if (file == null || file.size() == 0) {
            return refused(tenant, grant, what, List.of(new Problem.FieldError("file", "")), 400, lang);
        }
        try (InputStream input = Files.newInputStream(file.uploadedFile())) {
            String mediaType = file.fileName().toLowerCase().endsWith(".xlsx") ? TabularFile.XLSX : TabularFile.CSV;
            // Read here, while the upload exists: the request's temporary file is deleted when it ends.
            List<TabularRow> rows = ImportJobResource.ownRows(tenant, what,
                    TabularFile.read(input, mediaType, ImportJobResource.columns(what)));
            JobView job = tenantScope.call(tenant,
                    () -> jobs.start(what, file.fileName(), dryRun != null, rows, caller.username()));
            return Response.seeOther(URI.create("/t/" + tenant + "/admin/import/" + job.id())).build();
        } catch (ProblemException unreadable) {
            Problem problem = unreadable.toProblem();
            List<Problem.FieldError> errors = problem.errors() == null
                    ? List.of(new Problem.FieldError(problem.field(), problem.detail()))
                    : problem.errors();
            return refused(tenant, grant, what, errors, unreadable.status(), lang);
        } catch (IOException e) {
            throw new IllegalStateException("The upload could not be read", e);
        }
    }

    @GET
    @Path("/{job}")
    public TemplateInstance job(@PathParam("tenant") String tenant, @PathParam("job") String jobId,
            @CookieParam(Locales.COOKIE) String lang) {
        Caller.TenantGrant grant = require(tenant);
        Locale locale = Locales.of(lang);
        JobView job = find(tenant, jobId);
        return Templates.job(new JobPage(tenant, formTokens.issue(caller.username(), tenant),
                navigation.of(tenant, grant, locale, "/t/" + tenant + "/admin/import"), job, label(job, locale)))
                .setLocale(locale);
    }

    @GET
    @Path("/{job}/status")
    @Produces(MediaType.APPLICATION_JSON)
    public Status status(@PathParam("tenant") String tenant, @PathParam("job") String jobId,
            @CookieParam(Locales.COOKIE) String lang) {
        require(tenant);
        JobView job = find(tenant, jobId);
        return new Status(job.status().name(), job.percent(), job.processedRows(), job.totalRows(), job.ended(),
                label(job, Locales.of(lang)));
    }

    /** Another tenant's job, like one that does not exist, is not found: row-level security does not show it. */
    private JobView find(String tenant, String jobId) {
        UUID id;
        try {
            id = UUID.fromString(jobId);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException();
        }
        return tenantScope.call(tenant, () -> jobs.get(id));
    }

    private static String label(JobView job, Locale locale) {
        WebMessages messages = Locales.messages(locale);
        return switch (job.status()) {
            case QUEUED -> messages.import_queued();
            case CHECKING -> messages.import_checking(job.processedRows(), job.totalRows());
            // Every row copied: the one statement that stores them is running, with no finer progress to show.
            case WRITING -> job.processedRows() >= job.totalRows() ? messages.import_saving(job.totalRows())
                    : messages.import_writing(job.processedRows(), job.totalRows());
            case DONE -> job.dryRun() ? messages.import_checked(job.totalRows())
                    : messages.import_done(job.created(), job.updated(), job.unchanged());
            case REFUSED -> messages.import_refused(job.errors().size());
            case FAILED -> messages.import_failed(job.detail() == null ? "" : job.detail());
        };
    }

    private Response refused(String tenant, Caller.TenantGrant grant, ImportJobKind kind,
            List<Problem.FieldError> errors, int status, String lang) {
        Locale locale = Locales.of(lang);
        Page page = new Page(tenant, formTokens.issue(caller.username(), tenant),
                navigation.of(tenant, grant, locale, "/t/" + tenant + "/admin/import"),
                kind == ImportJobKind.ORGANISATIONS ? "organisations" : "members", errors);
        return Response.status(status).entity(Templates.form(page).setLocale(locale)).build();
    }

    /** A branch secretary writes only inside their branch; a file may touch the whole tenant, so it is not theirs. */
    private Caller.TenantGrant require(String tenant) {
        Caller.TenantGrant grant = access.require(tenant, Permission.MEMBERS_WRITE);
        if (!grant.writableOrganisations().isEmpty()) {
            throw new ForbiddenException("Bulk import needs 'members:write' over the whole organisation");
        }
        return grant;
    }
}
