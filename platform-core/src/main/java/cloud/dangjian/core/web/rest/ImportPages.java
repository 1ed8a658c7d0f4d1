package cloud.dangjian.core.web.rest;

import cloud.dangjian.core.identity.domain.Permission;
import cloud.dangjian.core.identity.service.Caller;
import cloud.dangjian.core.onboarding.file.OwnTenantRows;
import cloud.dangjian.core.onboarding.file.TabularFile;
import cloud.dangjian.core.onboarding.file.TabularRow;
import cloud.dangjian.core.onboarding.service.ImportReport;
import cloud.dangjian.core.onboarding.service.MemberImporter;
import cloud.dangjian.core.onboarding.service.OrganisationImporter;
import cloud.dangjian.core.problem.Problem;
import cloud.dangjian.core.problem.ProblemException;
import cloud.dangjian.core.tenancy.domain.RegionRepository;
import cloud.dangjian.core.tenancy.domain.TenantRepository;
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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * A tenant administrator's bulk import of their own organisations or members from a CSV or XLSX file: checked whole
 * first, refused whole with each bad row's line, column and reason, or imported with what it created and changed.
 */
@Path("/t/{tenant}/admin/import")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class ImportPages {

    /** The page: the form, and after an upload its outcome. */
    public record Page(String tenant, String csrf, String kind, boolean done, ImportReport report,
            List<Problem.FieldError> errors, String message) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(Page page);
    }

    @Inject
    ShellAccess access;

    @Inject
    Caller caller;

    @Inject
    FormTokens formTokens;

    @Inject
    TenantRepository tenants;

    @Inject
    RegionRepository regions;

    @Inject
    OrganisationImporter organisations;

    @Inject
    MemberImporter members;

    @GET
    public TemplateInstance form(@PathParam("tenant") String tenant, @CookieParam(Locales.COOKIE) String lang) {
        require(tenant);
        return Templates.form(
                new Page(tenant, formTokens.issue(caller.username(), tenant), "members", false, null, List.of(), null))
                .setLocale(Locales.of(lang));
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Transactional(Transactional.TxType.NEVER)
    public Response upload(@PathParam("tenant") String tenant, @RestForm("csrf") String csrf,
            @RestForm("kind") String kind, @RestForm("dryRun") String dryRun, @RestForm("file") FileUpload file,
            @CookieParam(Locales.COOKIE) String lang) {
        require(tenant);
        if (!formTokens.valid(csrf, caller.username(), tenant)) {
            throw new ForbiddenException("The form is out of date; reload the page and submit again");
        }
        boolean organisationsFile = "organisations".equals(kind);
        String token = formTokens.issue(caller.username(), tenant);
        String what = organisationsFile ? "organisations" : "members";
        if (file == null || file.size() == 0) {
            return page(tenant, token, what, null, List.of(new Problem.FieldError("file", "")), 400, lang);
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        try (InputStream input = Files.newInputStream(file.uploadedFile())) {
            Set<String> columns = new LinkedHashSet<>(
                    organisationsFile ? OrganisationImporter.COLUMNS : MemberImporter.COLUMNS);
            columns.remove("tenant");
            String mediaType = file.fileName().toLowerCase().endsWith(".xlsx") ? TabularFile.XLSX : TabularFile.CSV;
            List<TabularRow> rows = OwnTenantRows.fill(TabularFile.read(input, mediaType, columns), tenant, errors);
            if (!errors.isEmpty()) {
                return page(tenant, token, what, null, errors, 422, lang);
            }
            String region = regions.findById(tenants.findById(tenant).regionId()).code();
            ImportReport report = organisationsFile ? organisations.importRows(region, rows, dryRun != null)
                    : members.importRows(region, rows, dryRun != null);
            return page(tenant, token, what, report, List.of(), 200, lang);
        } catch (ProblemException refused) {
            Problem problem = refused.toProblem();
            List<Problem.FieldError> rowErrors = problem.errors() == null
                    ? List.of(new Problem.FieldError(problem.field(), problem.detail()))
                    : problem.errors();
            return page(tenant, token, what, null, rowErrors, refused.status(), lang);
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("The upload could not be read", e);
        }
    }

    private Response page(String tenant, String token, String kind, ImportReport report,
            List<Problem.FieldError> errors, int status, String lang) {
        return Response.status(status).entity(
                Templates.form(new Page(tenant, token, kind, true, report, errors, null)).setLocale(Locales.of(lang)))
                .build();
    }

    /** A branch secretary writes only inside their branch; a file may touch the whole tenant, so it is not theirs. */
    private void require(String tenant) {
        Caller.TenantGrant grant = access.require(tenant, Permission.MEMBERS_WRITE);
        if (!grant.writableOrganisations().isEmpty()) {
            throw new ForbiddenException("Bulk import needs 'members:write' over the whole organisation");
        }
    }
}
