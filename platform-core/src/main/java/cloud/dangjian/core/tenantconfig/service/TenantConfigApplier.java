package cloud.dangjian.core.tenantconfig.service;

import cloud.dangjian.core.identity.domain.Role;
import cloud.dangjian.core.identity.service.MembershipService;
import cloud.dangjian.core.member.service.MemberService;
import cloud.dangjian.core.onboarding.service.ImportReport;
import cloud.dangjian.core.onboarding.service.MemberImporter;
import cloud.dangjian.core.onboarding.service.OrganisationImporter;
import cloud.dangjian.core.organisation.domain.OrganisationRepository;
import cloud.dangjian.core.plugin.domain.RegionPluginDefault;
import cloud.dangjian.core.plugin.domain.RegionPluginDefaultRepository;
import cloud.dangjian.core.plugin.service.PluginRegistry;
import cloud.dangjian.core.plugin.service.PluginStates;
import cloud.dangjian.core.plugin.service.PluginSwitchboard;
import cloud.dangjian.core.plugin.service.RegionPluginDefaults;
import cloud.dangjian.core.problem.Problem;
import cloud.dangjian.core.problem.ProblemException;
import cloud.dangjian.core.tenancy.context.TenantScope;
import cloud.dangjian.core.tenancy.domain.Region;
import cloud.dangjian.core.tenancy.domain.RegionRepository;
import cloud.dangjian.core.tenancy.domain.Tenant;
import cloud.dangjian.core.tenancy.domain.TenantPlan;
import cloud.dangjian.core.tenancy.domain.TenantRepository;
import cloud.dangjian.core.tenancy.service.RegionService;
import cloud.dangjian.core.tenancy.service.TenantService;
import cloud.dangjian.core.tenancy.service.TenantService.TenantDraft;
import cloud.dangjian.core.tenancy.service.TenantStatusGate;
import cloud.dangjian.core.tenantconfig.file.ConfigError;
import cloud.dangjian.core.tenantconfig.file.ConfigSource;
import cloud.dangjian.core.tenantconfig.file.Specs;
import cloud.dangjian.core.tenantconfig.file.TenantConfigReader;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Makes the database say what a folder of tenant-config files says, idempotently: a second run changes nothing.
 * <p>
 * Every run first rehearses everything — the region files, then each tenant file in a transaction of its own as that
 * tenant, including its organisation and member imports — and rolls the rehearsal back. Only when no file has an error
 * does the real run follow, the same code committing this time; otherwise the whole set is refused with each error's
 * file, line and reason, and nothing of it is applied. What the files do not mention is left alone: removing a tenant's
 * file does not remove the tenant.
 */
@ApplicationScoped
public class TenantConfigApplier {

    static final String APPLIED_BY = "tenant-config";

    /** A tenant with thousands of members imports in one transaction. */
    private static final int TIMEOUT_SECONDS = 1800;

    @Inject
    RegionService regionService;

    @Inject
    RegionRepository regions;

    @Inject
    TenantService tenantService;

    @Inject
    TenantRepository tenants;

    @Inject
    TenantStatusGate gate;

    @Inject
    OrganisationImporter organisationImporter;

    @Inject
    MemberImporter memberImporter;

    @Inject
    OrganisationRepository organisations;

    @Inject
    MembershipService memberships;

    @Inject
    MemberService memberService;

    @Inject
    PluginRegistry plugins;

    @Inject
    PluginStates pluginStates;

    @Inject
    PluginSwitchboard switchboard;

    @Inject
    RegionPluginDefaults regionPluginDefaults;

    @Inject
    RegionPluginDefaultRepository regionDefaults;

    @Inject
    TenantScope tenantScope;

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper objectMapper;

    /**
     * Applies (or, with {@code dryRun}, only rehearses) every file of a source.
     *
     * @throws ProblemException
     *             422 {@code invalid-tenant-config} listing every error; nothing was applied
     */
    public TenantConfigReport apply(ConfigSource source, boolean dryRun) {
        TenantConfigReader.Contents contents = TenantConfigReader.read(source);
        List<ConfigError> errors = new ArrayList<>(contents.errors());
        List<String> warnings = new ArrayList<>();
        List<Specs.RegionSpec> regionSpecs = parentsFirst(contents.regions(), errors);
        checkDuplicates(contents, errors);
        checkPlugins(contents, warnings);
        if (!errors.isEmpty()) {
            throw refusal(errors);
        }
        List<TenantConfigReport.Change> changes = new ArrayList<>();
        rehearse(regionSpecs, contents.tenants(), changes, errors);
        if (!errors.isEmpty()) {
            throw refusal(errors);
        }
        if (!dryRun) {
            List<TenantConfigReport.Change> applied = new ArrayList<>();
            try {
                run(false, null, () -> applyRegions(regionSpecs, applied));
                for (Specs.TenantSpec tenant : contents.tenants()) {
                    run(false, tenant.id(), () -> applyTenant(tenant, applied));
                }
            } catch (FileRefused refused) {
                // Only a concurrent change between rehearsal and run gets here; the files applied so far stay, and
                // running again converges.
                throw refusal(refused.errors);
            }
            changes = applied;
        }
        return new TenantConfigReport(source.description(), dryRun, source.yamlFiles().size(), changes,
                List.copyOf(new LinkedHashSet<>(warnings)));
    }

    /** Runs everything in transactions that are rolled back, collecting the changes and every file's errors. */
    private void rehearse(List<Specs.RegionSpec> regionSpecs, List<Specs.TenantSpec> tenantSpecs,
            List<TenantConfigReport.Change> changes, List<ConfigError> errors) {
        try {
            run(true, null, () -> applyRegions(regionSpecs, changes));
        } catch (FileRefused refused) {
            errors.addAll(refused.errors);
            return;
        }
        for (Specs.TenantSpec tenant : tenantSpecs) {
            try {
                run(true, tenant.id(), () -> {
                    // The rehearsal of a tenant runs alone, so it needs its regions as the real run will have them.
                    applyRegions(regionSpecs, new ArrayList<>());
                    applyTenant(tenant, changes);
                });
            } catch (FileRefused refused) {
                errors.addAll(refused.errors);
            } finally {
                // The rehearsal may have cached a tenant that the rollback took away again.
                gate.forget(tenant.id());
                pluginStates.forgetAll();
            }
        }
    }

    /** One transaction, as the tenant (or none), rolled back when rehearsing. */
    private void run(boolean rehearsal, String tenantId, Runnable work) {
        try {
            tenantScope.run(tenantId, () -> QuarkusTransaction.requiringNew().timeout(TIMEOUT_SECONDS).run(() -> {
                work.run();
                if (rehearsal) {
                    throw new Rehearsed();
                }
            }));
        } catch (Rehearsed done) {
            // Rolled back, as a rehearsal must be.
        } catch (RuntimeException e) {
            if (!(e.getCause() instanceof Rehearsed)) {
                throw e.getCause() instanceof FileRefused refused ? refused : e;
            }
        }
    }

    private void applyRegions(List<Specs.RegionSpec> specs, List<TenantConfigReport.Change> changes) {
        for (Specs.RegionSpec spec : specs) {
            String file = spec.document().file();
            try {
                Region region = regions.findByCode(spec.code()).orElse(null);
                if (region == null) {
                    region = regionService.create(spec.code(), spec.name(), spec.level(), spec.parent());
                    changes.add(change(file, "create region " + spec.code() + " (" + spec.name() + ", " + spec.level()
                            + (spec.parent() == null ? "" : ", under " + spec.parent()) + ")"));
                } else {
                    checkUnmoved(spec, region);
                    if (!region.name().equals(spec.name())) {
                        changes.add(change(file,
                                "rename region " + spec.code() + ": " + region.name() + " → " + spec.name()));
                        regionService.rename(spec.code(), spec.name());
                    }
                }
                for (var entry : spec.pluginDefaults().entrySet()) {
                    applyRegionDefaults(spec, region, entry.getKey(), entry.getValue(), changes);
                }
                for (String username : spec.administrators()) {
                    grant(file, new MembershipService.Grant(username, Role.REGION_ADMIN, spec.code(), null, null),
                            changes);
                }
            } catch (ProblemException e) {
                throw new FileRefused(fileErrors(spec.document(), "region", e));
            }
        }
    }

    private void checkUnmoved(Specs.RegionSpec spec, Region region) {
        String parentCode = region.parentId() == null ? null : regions.findById(region.parentId()).code();
        if (!Objects.equals(parentCode, spec.parent()) || region.level() != spec.level()) {
            throw new FileRefused(
                    List.of(new ConfigError(spec.document().file(), spec.document().lineOf("region.parent"), "region",
                            "region " + spec.code() + " exists as " + region.level() + " under " + parentCode
                                    + "; tenant-config does not move regions or change their level")));
        }
    }

    private void applyRegionDefaults(Specs.RegionSpec spec, Region region, String pluginId,
            Map<String, Object> settings, List<TenantConfigReport.Change> changes) {
        if (!plugins.isPlugin(pluginId)) {
            return;
        }
        Map<String, Object> current = regionDefaults.find(region.id(), pluginId).map(RegionPluginDefault::config)
                .orElse(Map.of());
        if (sameJson(current, settings)) {
            return;
        }
        try {
            regionPluginDefaults.change(region, pluginId, settings, APPLIED_BY);
        } catch (ProblemException e) {
            throw new FileRefused(fileErrors(spec.document(), "plugins." + pluginId, e));
        }
        changes.add(change(spec.document().file(), "set defaults of plugin " + pluginId + " in region " + spec.code()
                + ": " + current + " → " + settings));
    }

    private void applyTenant(Specs.TenantSpec spec, List<TenantConfigReport.Change> changes) {
        String file = spec.document().file();
        TenantPlan plan = new TenantPlan(spec.plan().plugins(), spec.plan().expiresOn(), spec.plan().memberQuota());
        TenantDraft draft = new TenantDraft(spec.name(), spec.type(), spec.region(), plan);
        try {
            Tenant tenant = tenants.findById(spec.id());
            if (tenant == null) {
                tenantService.create(spec.id(), draft);
                changes.add(change(file, "create tenant " + spec.id() + " (" + spec.name() + ", " + spec.type()
                        + ", region " + spec.region() + ", plan " + spec.plan().plugins() + ")"));
            } else {
                List<String> differences = differences(tenant, spec, plan);
                regionChangeCheck(tenant, spec, differences);
                if (!differences.isEmpty()) {
                    tenantService.update(spec.id(), draft);
                    changes.add(change(file, "update tenant " + spec.id() + ": " + String.join("; ", differences)));
                }
            }
            entityManager.flush();
        } catch (ProblemException e) {
            throw new FileRefused(fileErrors(spec.document(), "tenant", e));
        }
        importRows(spec, spec.organisations(), true, changes);
        importRows(spec, spec.members(), false, changes);
        for (Specs.MembershipSpec membership : spec.memberships()) {
            grant(file, membershipGrant(spec, membership), changes);
            if (membership.member() != null) {
                linkLogin(spec, membership, changes);
            }
        }
        for (var entry : spec.plugins().entrySet()) {
            applyTenantPlugin(spec, entry.getKey(), entry.getValue(), changes);
        }
    }

    private static List<String> differences(Tenant tenant, Specs.TenantSpec spec, TenantPlan plan) {
        List<String> differences = new ArrayList<>();
        if (!tenant.name().equals(spec.name())) {
            differences.add("name " + tenant.name() + " → " + spec.name());
        }
        if (tenant.type() != spec.type()) {
            differences.add("type " + tenant.type() + " → " + spec.type());
        }
        if (!new TreeSet<>(tenant.plan().plugins()).equals(new TreeSet<>(plan.plugins()))) {
            differences.add("plan.plugins " + tenant.plan().plugins() + " → " + plan.plugins());
        }
        if (tenant.plan().memberQuota() != plan.memberQuota()) {
            differences.add("plan.memberQuota " + tenant.plan().memberQuota() + " → " + plan.memberQuota());
        }
        if (!Objects.equals(tenant.plan().expiresOn(), plan.expiresOn())) {
            differences.add("plan.expiresOn " + tenant.plan().expiresOn() + " → " + plan.expiresOn());
        }
        return differences;
    }

    private void regionChangeCheck(Tenant tenant, Specs.TenantSpec spec, List<String> differences) {
        Region current = regions.findById(tenant.regionId());
        if (!current.code().equals(spec.region())) {
            differences.add("region " + current.code() + " → " + spec.region());
        }
    }

    private void importRows(Specs.TenantSpec spec, Specs.CsvSpec csv, boolean organisationsFile,
            List<TenantConfigReport.Change> changes) {
        if (csv == null || csv.rows().isEmpty()) {
            return;
        }
        try {
            ImportReport report = organisationsFile
                    ? organisationImporter.importRowsInCurrentTransaction(spec.region(), csv.rows(), false)
                    : memberImporter.importRowsInCurrentTransaction(spec.region(), csv.rows(), false);
            if (report.created() + report.updated() > 0) {
                changes.add(change(csv.file(),
                        (organisationsFile ? "organisations" : "members") + " of " + spec.id() + ": " + report.created()
                                + " new, " + report.updated() + " changed, " + report.unchanged() + " unchanged"));
            }
        } catch (ProblemException e) {
            throw new FileRefused(TenantConfigReader.errorsOf(csv.file(), e));
        } catch (SQLException e) {
            throw new IllegalStateException("Importing " + csv.file() + " failed", e);
        }
    }

    private MembershipService.Grant membershipGrant(Specs.TenantSpec spec, Specs.MembershipSpec membership) {
        Long organisationId = null;
        if (membership.organisation() != null) {
            organisationId = organisations.findByCode(membership.organisation()).map(o -> o.id())
                    .orElseThrow(() -> new FileRefused(List.of(new ConfigError(spec.document().file(),
                            spec.document().lineOf(membership.path() + ".organisation"),
                            membership.path() + ".organisation",
                            "no organisation '" + membership.organisation() + "' in tenant " + spec.id()))));
        }
        return new MembershipService.Grant(membership.username(), membership.role(), null, spec.id(), organisationId);
    }

    /** Links the membership's login to the member record the file names (demo users, existing single sign-on users). */
    private void linkLogin(Specs.TenantSpec spec, Specs.MembershipSpec membership,
            List<TenantConfigReport.Change> changes) {
        try {
            if (memberService.linkExternalLogin(membership.member(), membership.username())) {
                changes.add(change(spec.document().file(), "link login " + membership.username() + " to member "
                        + membership.member() + " of tenant " + spec.id()));
            }
        } catch (ProblemException e) {
            throw new FileRefused(List
                    .of(new ConfigError(spec.document().file(), spec.document().lineOf(membership.path() + ".member"),
                            membership.path() + ".member", e.toProblem().detail())));
        }
    }

    private void grant(String file, MembershipService.Grant grant, List<TenantConfigReport.Change> changes) {
        boolean existed = memberships.ofUser(grant.username()).stream()
                .anyMatch(m -> m.role() == grant.role() && Objects.equals(m.tenantId(), grant.tenantId())
                        && Objects.equals(m.organisationId(), grant.organisationId())
                        && (grant.regionCode() == null || Objects.equals(m.regionId(),
                                regions.findByCode(grant.regionCode()).map(Region::id).orElse(null))));
        if (existed) {
            return;
        }
        try {
            memberships.grant(grant);
        } catch (ProblemException e) {
            throw new FileRefused(List.of(new ConfigError(file, null, "memberships", e.toProblem().detail())));
        }
        changes.add(change(file, "grant " + grant.role() + " to " + grant.username()
                + (grant.tenantId() != null ? " in tenant " + grant.tenantId() : " in region " + grant.regionCode())));
    }

    private void applyTenantPlugin(Specs.TenantSpec spec, String pluginId, Specs.PluginSpec wanted,
            List<TenantConfigReport.Change> changes) {
        if (!plugins.isPlugin(pluginId)) {
            return;
        }
        PluginStates.State state = pluginStates.compute(spec.id(), pluginId);
        boolean sameSwitch = state.switchedOn() == wanted.enabled();
        boolean sameSettings = wanted.config() == null || sameJson(state.overrides(), wanted.config());
        if (sameSwitch && sameSettings) {
            return;
        }
        try {
            switchboard.change(pluginId, wanted.enabled(), wanted.config(), APPLIED_BY);
        } catch (ProblemException e) {
            throw new FileRefused(fileErrors(spec.document(), "plugins." + pluginId, e));
        }
        String what = !sameSwitch ? (wanted.enabled() ? "switch on" : "switch off") : "configure";
        changes.add(change(spec.document().file(), what + " plugin " + pluginId + " in tenant " + spec.id()
                + (sameSettings ? "" : ": settings " + state.overrides() + " → " + wanted.config())));
    }

    /** Orders region files so that each parent comes before its children; reports cycles and unknown parents. */
    private List<Specs.RegionSpec> parentsFirst(List<Specs.RegionSpec> specs, List<ConfigError> errors) {
        Map<String, Specs.RegionSpec> byCode = new HashMap<>();
        for (Specs.RegionSpec spec : specs) {
            if (spec.code() != null) {
                byCode.put(spec.code(), spec);
            }
        }
        List<Specs.RegionSpec> ordered = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        for (Specs.RegionSpec spec : specs.stream().sorted(Comparator.comparing(s -> s.document().file())).toList()) {
            place(spec, byCode, placed, new HashSet<>(), ordered, errors);
        }
        return ordered;
    }

    private void place(Specs.RegionSpec spec, Map<String, Specs.RegionSpec> byCode, Set<String> placed,
            Set<String> visiting, List<Specs.RegionSpec> ordered, List<ConfigError> errors) {
        if (spec.code() == null || placed.contains(spec.code())) {
            return;
        }
        if (!visiting.add(spec.code())) {
            errors.add(new ConfigError(spec.document().file(), spec.document().lineOf("region.parent"), "region.parent",
                    "the regions' parents form a cycle through " + spec.code()));
            return;
        }
        String parent = spec.parent();
        if (parent != null) {
            Specs.RegionSpec parentSpec = byCode.get(parent);
            if (parentSpec != null) {
                place(parentSpec, byCode, placed, visiting, ordered, errors);
            } else if (regions.findByCode(parent).isEmpty()) {
                errors.add(new ConfigError(spec.document().file(), spec.document().lineOf("region.parent"),
                        "region.parent", "no region '" + parent + "' in the database or in these files"));
            }
        }
        placed.add(spec.code());
        ordered.add(spec);
    }

    private void checkDuplicates(TenantConfigReader.Contents contents, List<ConfigError> errors) {
        Map<String, String> regionFiles = new HashMap<>();
        for (Specs.RegionSpec spec : contents.regions()) {
            String earlier = spec.code() == null ? null : regionFiles.putIfAbsent(spec.code(), spec.document().file());
            if (earlier != null) {
                errors.add(new ConfigError(spec.document().file(), spec.document().lineOf("region.code"), "region.code",
                        "region " + spec.code() + " is already declared in " + earlier));
            }
        }
        Map<String, String> tenantFiles = new HashMap<>();
        for (Specs.TenantSpec spec : contents.tenants()) {
            String earlier = spec.id() == null ? null : tenantFiles.putIfAbsent(spec.id(), spec.document().file());
            if (earlier != null) {
                errors.add(new ConfigError(spec.document().file(), spec.document().lineOf("tenant.id"), "tenant.id",
                        "tenant " + spec.id() + " is already declared in " + earlier));
            }
            if (spec.region() != null && !regionFiles.containsKey(spec.region())
                    && regions.findByCode(spec.region()).isEmpty()) {
                errors.add(new ConfigError(spec.document().file(), spec.document().lineOf("tenant.region"),
                        "tenant.region", "no region '" + spec.region() + "' in the database or in these files"));
            }
        }
    }

    /** Plugins a file names that this version does not have are skipped with a warning, not refused. */
    private void checkPlugins(TenantConfigReader.Contents contents, List<String> warnings) {
        Set<String> named = new TreeSet<>();
        contents.regions().forEach(spec -> named.addAll(spec.pluginDefaults().keySet()));
        contents.tenants().forEach(spec -> named.addAll(spec.plugins().keySet()));
        for (String plugin : named) {
            if (!plugins.isPlugin(plugin)) {
                warnings.add("plugin '" + plugin + "' is not installed in this version; its settings are skipped "
                        + "and applied by the first run after it is installed");
            }
        }
    }

    private static List<ConfigError> fileErrors(cloud.dangjian.core.tenantconfig.file.YamlDocument document,
            String prefix, ProblemException e) {
        Problem problem = e.toProblem();
        List<ConfigError> errors = new ArrayList<>();
        if (problem.errors() == null || problem.errors().isEmpty()) {
            String path = problem.field() == null ? prefix : prefix + "." + problem.field();
            errors.add(new ConfigError(document.file(), document.lineOf(path), path, problem.detail()));
        } else {
            for (Problem.FieldError error : problem.errors()) {
                String path = prefix + "." + error.field();
                errors.add(new ConfigError(document.file(), document.lineOf(path), path, error.message()));
            }
        }
        return errors;
    }

    /** Compares settings as JSON, whatever Java types the database and YAML readers chose for their numbers. */
    private boolean sameJson(Object stored, Object declared) {
        try {
            return objectMapper.readTree(objectMapper.writeValueAsString(stored))
                    .equals(objectMapper.readTree(objectMapper.writeValueAsString(declared)));
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    private static TenantConfigReport.Change change(String file, String what) {
        return new TenantConfigReport.Change(file, what);
    }

    static ProblemException refusal(List<ConfigError> errors) {
        List<Problem.FieldError> fieldErrors = errors.stream()
                .map(e -> new Problem.FieldError(e.field(), e.reason(), e.line(), e.file())).toList();
        return new ProblemException(422, "invalid-tenant-config", "Invalid tenant-config",
                errors.size() + " error(s) in tenant-config; nothing was applied. First: " + errors.get(0), null,
                fieldErrors);
    }

    /** Ends a rehearsal by rolling its transaction back. */
    static final class Rehearsed extends RuntimeException {
        Rehearsed() {
            super("rehearsal rolled back", null, false, false);
        }
    }

    /** A file refused while applying; carries its errors out of the transaction that rolls it back. */
    static final class FileRefused extends RuntimeException {
        final List<ConfigError> errors;

        FileRefused(List<ConfigError> errors) {
            super(errors.isEmpty() ? "refused" : errors.get(0).toString(), null, false, false);
            this.errors = errors;
        }
    }
}
