package cloud.dangjian.core.onboarding.rest;

import cloud.dangjian.core.identity.RequiresPermission;
import cloud.dangjian.core.identity.domain.Permission;
import cloud.dangjian.core.identity.service.Caller;
import cloud.dangjian.core.onboarding.file.TabularFile;
import cloud.dangjian.core.onboarding.file.TabularRow;
import cloud.dangjian.core.onboarding.service.BulkWriteMaintenance;
import cloud.dangjian.core.onboarding.service.ImportReport;
import cloud.dangjian.core.onboarding.service.MemberImporter;
import cloud.dangjian.core.onboarding.service.OrganisationImporter;
import cloud.dangjian.core.tenancy.service.RegionService;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.InputStream;
import java.sql.SQLException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Bulk onboarding of a region: an organisation file, then a member file, as CSV (UTF-8, header row) or XLSX. A file
 * with any bad row is refused whole with every bad row's line, column and reason; a good file is upserted by code.
 */
@Path("/api/admin/regions/{region}/imports")
@RequiresPermission(Permission.ONBOARDING_IMPORT)
@Consumes({ TabularFile.CSV, TabularFile.XLSX })
@Tag(name = "Onboarding", description = "Bulk import of organisations and members into the tenants of a region")
public class OnboardingResource {

    @Inject
    OrganisationImporter organisations;

    @Inject
    MemberImporter members;

    @Inject
    BulkWriteMaintenance maintenance;

    @Inject
    Caller caller;

    @Inject
    RegionService regions;

    @POST
    @Path("/organisations")
    @Operation(summary = "Import organisations: columns tenant, code, name, kind, parent_code")
    public ImportReport importOrganisations(@PathParam("region") String region, @QueryParam("dryRun") boolean dryRun,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) throws SQLException {
        caller.requireAdministers(regions.get(region));
        List<TabularRow> rows = TabularFile.read(body, contentType, OrganisationImporter.COLUMNS);
        return maintained("organisations", organisations.importRows(region, rows, dryRun));
    }

    @POST
    @Path("/members")
    @Operation(summary = "Import members: columns tenant, code, name, gender, birth_date, ethnicity, education, "
            + "phone, joined_on, status, branch_code, mobile, id_card, username (a login: its Keycloak account is created)")
    public ImportReport importMembers(@PathParam("region") String region, @QueryParam("dryRun") boolean dryRun,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) throws SQLException {
        caller.requireAdministers(regions.get(region));
        List<TabularRow> rows = TabularFile.read(body, contentType, MemberImporter.COLUMNS);
        return maintained("members", members.importRows(region, rows, dryRun));
    }

    /** Large writes leave the table unvacuumed and its statistics stale; small ones are left to autovacuum. */
    private ImportReport maintained(String table, ImportReport report) {
        if (report.created() + report.updated() >= 1000) {
            maintenance.afterBulkWrite(table);
        }
        return report;
    }
}
