package cloud.dangjian.app.demo;

import cloud.dangjian.core.identity.domain.Role;
import cloud.dangjian.core.identity.service.MembershipService;
import cloud.dangjian.core.identity.service.MembershipService.Grant;
import cloud.dangjian.core.onboarding.file.TabularFile;
import cloud.dangjian.core.onboarding.file.TabularRow;
import cloud.dangjian.core.onboarding.service.ImportReport;
import cloud.dangjian.core.onboarding.service.MemberImporter;
import cloud.dangjian.core.onboarding.service.OrganisationImporter;
import cloud.dangjian.core.organisation.domain.OrganisationRepository;
import cloud.dangjian.core.problem.ProblemException;
import cloud.dangjian.core.tenancy.context.TenantScope;
import cloud.dangjian.core.tenancy.domain.RegionLevel;
import cloud.dangjian.core.tenancy.domain.TenantPlan;
import cloud.dangjian.core.tenancy.domain.TenantType;
import cloud.dangjian.core.tenancy.service.RegionService;
import cloud.dangjian.core.tenancy.service.TenantService;
import cloud.dangjian.core.tenancy.service.TenantService.TenantDraft;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Loads the demo region (a county-level city modelled on Zhangjiagang) from {@code tenant-config/demo} when the
 * platform runs on its embedded defaults. Idempotent: regions and tenants that exist are left alone, and the
 * organisation and member files are upserted by code, so a restart changes nothing.
 */
@ApplicationScoped
public class DemoRegionSeeder {

    private static final Logger LOG = Logger.getLogger(DemoRegionSeeder.class);
    private static final String FOLDER = "tenant-config/demo/";
    static final String ROOT_REGION = "zjg";

    @ConfigProperty(name = "dangjian.demo.enabled")
    boolean enabled;

    @Inject
    RegionService regions;

    @Inject
    TenantService tenants;

    @Inject
    OrganisationImporter organisations;

    @Inject
    MemberImporter members;

    @Inject
    MembershipService memberships;

    @Inject
    TenantScope tenantScope;

    @Inject
    OrganisationRepository organisationRepository;

    public void onStart(@Observes StartupEvent event) throws SQLException {
        if (!enabled) {
            return;
        }
        for (TabularRow row : read("regions.csv", Set.of("code", "name", "level", "parent_code"))) {
            createRegionIfAbsent(row);
        }
        for (TabularRow row : read("tenants.csv", Set.of("id", "name", "type", "region_code", "member_quota"))) {
            createTenantIfAbsent(row);
        }
        ImportReport orgs = organisations.importRows(ROOT_REGION,
                read("organisations.csv", OrganisationImporter.COLUMNS), false);
        ImportReport people = members.importRows(ROOT_REGION, read("members.csv", MemberImporter.COLUMNS), false);
        grantDemoMemberships();
        LOG.infof("Demo region '%s' loaded: %d organisations (%d new), %d members (%d new)", ROOT_REGION, orgs.rows(),
                orgs.created(), people.rows(), people.created());
    }

    /** The demo users of the realm, each in the role their name says (docs/identity.md lists them). */
    private void grantDemoMemberships() {
        String steel = "zjg-shagang-steel";
        String community = "zjg-jingang-community";
        long secretaryBranch = tenantScope.call(steel, () -> QuarkusTransaction.requiringNew()
                .call(() -> organisationRepository.findByCode("B01").orElseThrow().id()));
        List<Grant> grants = List.of(new Grant("platform-admin", Role.PLATFORM_ADMIN, null, null, null),
                new Grant("region-admin", Role.REGION_ADMIN, ROOT_REGION, null, null),
                new Grant("tenant-admin", Role.TENANT_ADMIN, null, steel, null),
                new Grant("tenant-admin", Role.TENANT_ADMIN, null, community, null),
                new Grant("branch-secretary", Role.BRANCH_SECRETARY, null, steel, secretaryBranch),
                new Grant("member", Role.MEMBER, null, steel, null),
                new Grant("second-member", Role.MEMBER, null, steel, null),
                new Grant("second-member", Role.MEMBER, null, community, null),
                new Grant("masses", Role.MASSES, null, community, null));
        grants.forEach(memberships::grant);
    }

    private void createRegionIfAbsent(TabularRow row) {
        try {
            regions.get(row.get("code"));
        } catch (ProblemException absent) {
            regions.create(row.get("code"), row.get("name"), RegionLevel.valueOf(row.get("level")),
                    row.get("parent_code"));
        }
    }

    private void createTenantIfAbsent(TabularRow row) {
        try {
            tenants.get(row.get("id"));
        } catch (ProblemException absent) {
            List<String> plugins = row.get("plugins") == null ? List.of()
                    : Arrays.asList(row.get("plugins").split(";"));
            LocalDate expiry = row.get("expires_on") == null ? null : LocalDate.parse(row.get("expires_on"));
            tenants.create(row.get("id"),
                    new TenantDraft(row.get("name"), TenantType.valueOf(row.get("type")), row.get("region_code"),
                            new TenantPlan(plugins, expiry, Integer.parseInt(row.get("member_quota")))));
        }
    }

    private static List<TabularRow> read(String file, Set<String> columns) {
        try (InputStream input = Thread.currentThread().getContextClassLoader().getResourceAsStream(FOLDER + file)) {
            if (input == null) {
                throw new IllegalStateException("The demo region file " + FOLDER + file + " is not on the classpath");
            }
            return TabularFile.read(input, TabularFile.CSV, columns);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
