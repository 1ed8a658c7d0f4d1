package cloud.dangjian.core.tenantconfig.file;

import cloud.dangjian.core.identity.domain.Role;
import cloud.dangjian.core.onboarding.file.OwnTenantRows;
import cloud.dangjian.core.onboarding.file.TabularFile;
import cloud.dangjian.core.onboarding.file.TabularRow;
import cloud.dangjian.core.onboarding.service.MemberImporter;
import cloud.dangjian.core.onboarding.service.OrganisationImporter;
import cloud.dangjian.core.problem.Problem;
import cloud.dangjian.core.problem.ProblemException;
import cloud.dangjian.core.tenancy.domain.RegionLevel;
import cloud.dangjian.core.tenancy.domain.Slugs;
import cloud.dangjian.core.tenancy.domain.TenantType;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a folder of tenant-config files into specs: one YAML file per region ({@code region:} at the top) or per tenant
 * ({@code tenant:} at the top), with a tenant's organisations and members in CSV files beside it. Checks everything a
 * file can say about itself; {@code TenantConfigPlanner} checks it against the database.
 */
public final class TenantConfigReader {

    static final Set<String> REGION_KEYS = Set.of("region", "plugins", "administrators");
    static final Set<String> TENANT_KEYS = Set.of("tenant", "plan", "plugins", "memberships", "organisations",
            "members");

    /** Everything read, and everything wrong. */
    public record Contents(List<Specs.RegionSpec> regions, List<Specs.TenantSpec> tenants, List<ConfigError> errors) {
    }

    private TenantConfigReader() {
    }

    public static Contents read(ConfigSource source) {
        List<ConfigError> errors = new ArrayList<>();
        List<Specs.RegionSpec> regions = new ArrayList<>();
        List<Specs.TenantSpec> tenants = new ArrayList<>();
        for (String file : source.yamlFiles()) {
            YamlDocument document = YamlDocument.parse(file, source.text(file), errors);
            if (document.has("region") && document.has("tenant")) {
                document.error("", "declares both a region and a tenant; use one file for each");
            } else if (document.has("region")) {
                regions.add(region(document));
            } else if (document.has("tenant")) {
                Specs.TenantSpec tenant = tenant(document, source, errors);
                tenants.add(tenant);
            } else if (document.get("") instanceof Map<?, ?> map && !map.isEmpty()) {
                document.error("", "must start with 'region:' or 'tenant:'");
            }
        }
        return new Contents(regions, tenants, errors);
    }

    private static Specs.RegionSpec region(YamlDocument document) {
        document.allowOnly("", REGION_KEYS);
        document.allowOnly("region", Set.of("code", "name", "level", "parent"));
        String code = slug(document, "region.code");
        String name = name(document, "region.name");
        RegionLevel level = document.choice("region.level", RegionLevel.class, true);
        String parent = document.text("region.parent", false);
        return new Specs.RegionSpec(document, code, name, level, parent, pluginSettings(document),
                document.texts("administrators"));
    }

    private static Specs.TenantSpec tenant(YamlDocument document, ConfigSource source, List<ConfigError> errors) {
        document.allowOnly("", TENANT_KEYS);
        document.allowOnly("tenant", Set.of("id", "name", "type", "region"));
        document.allowOnly("plan", Set.of("plugins", "memberQuota", "expiresOn"));
        String id = slug(document, "tenant.id");
        String name = name(document, "tenant.name");
        TenantType type = document.choice("tenant.type", TenantType.class, true);
        String region = document.text("tenant.region", true);
        Integer quota = document.integer("plan.memberQuota", true);
        if (quota != null && quota < 0) {
            document.error("plan.memberQuota", "must not be negative");
        }
        LocalDate expiresOn = null;
        String expiry = document.text("plan.expiresOn", false);
        if (expiry != null) {
            try {
                expiresOn = LocalDate.parse(expiry);
            } catch (DateTimeParseException e) {
                document.error("plan.expiresOn", "must be a date like 2027-12-31, not '" + expiry + "'");
            }
        }
        Specs.PlanSpec plan = new Specs.PlanSpec(document.texts("plan.plugins"), quota == null ? 0 : quota, expiresOn);

        Map<String, Specs.PluginSpec> plugins = new LinkedHashMap<>();
        for (String plugin : document.mapping("plugins").keySet()) {
            String path = "plugins." + plugin;
            document.allowOnly(path, Set.of("enabled", "config"));
            Boolean enabled = document.bool(path + ".enabled", true);
            Map<String, Object> config = document.has(path + ".config") ? document.mapping(path + ".config") : null;
            if (enabled != null) {
                plugins.put(plugin, new Specs.PluginSpec(enabled, config));
            }
            if (enabled != null && enabled && !plan.plugins().contains(plugin)) {
                document.error(path + ".enabled", "plugin '" + plugin + "' is not in plan.plugins");
            }
        }

        List<Specs.MembershipSpec> memberships = new ArrayList<>();
        for (int i = 0; i < document.listSize("memberships"); i++) {
            String path = "memberships[" + i + "]";
            document.allowOnly(path, Set.of("username", "role", "organisation", "member"));
            String username = document.text(path + ".username", true);
            Role role = document.choice(path + ".role", Role.class, true);
            String organisation = document.text(path + ".organisation", false);
            String member = document.text(path + ".member", false);
            if (role == Role.MASSES && member != null) {
                document.error(path + ".member",
                        "群众 (MASSES) are not party members; link a member record to a member's login");
            } else if (role != null && role.scope() != Role.Scope.TENANT && role.scope() != Role.Scope.ORGANISATION) {
                document.error(path + ".role", "a tenant file grants roles in the tenant only: TENANT_ADMIN, "
                        + "BRANCH_SECRETARY, MEMBER or MASSES");
            } else if (role == Role.BRANCH_SECRETARY && organisation == null) {
                document.error(path + ".organisation", "is required for a branch secretary (an organisation code)");
            } else if (username != null && role != null) {
                memberships.add(new Specs.MembershipSpec(username, role, organisation, member, path));
            }
        }
        return new Specs.TenantSpec(document, id, name, type, region, plan, plugins, memberships,
                csv(document, source, "organisations", id, OrganisationImporter.COLUMNS, errors),
                csv(document, source, "members", id, MemberImporter.COLUMNS, errors));
    }

    private static Map<String, Map<String, Object>> pluginSettings(YamlDocument document) {
        Map<String, Map<String, Object>> settings = new LinkedHashMap<>();
        for (String plugin : document.mapping("plugins").keySet()) {
            settings.put(plugin, document.mapping("plugins." + plugin));
        }
        return settings;
    }

    /** The CSV named by {@code key}, beside the YAML file, with the tenant column filled in where it is absent. */
    private static Specs.CsvSpec csv(YamlDocument document, ConfigSource source, String key, String tenantId,
            Set<String> columns, List<ConfigError> errors) {
        String name = document.text(key, false);
        if (name == null) {
            return null;
        }
        String file = ConfigSource.sibling(document.file(), name);
        byte[] bytes = source.read(file).orElse(null);
        if (bytes == null) {
            document.error(key, "names " + file + ", which is not there");
            return null;
        }
        try {
            Set<String> required = new LinkedHashSet<>(columns);
            required.remove("tenant");
            List<TabularRow> rows = TabularFile.read(new ByteArrayInputStream(bytes), TabularFile.CSV, required);
            List<Problem.FieldError> mismatches = new ArrayList<>();
            List<TabularRow> filled = OwnTenantRows.fill(rows, tenantId, mismatches);
            mismatches.forEach(m -> errors.add(new ConfigError(file, m.line(), m.field(), m.message())));
            return new Specs.CsvSpec(file, filled);
        } catch (ProblemException e) {
            errors.addAll(errorsOf(file, e));
            return null;
        }
    }

    /** Turns an onboarding problem (bad rows, a missing column) into errors of a file. */
    public static List<ConfigError> errorsOf(String file, ProblemException e) {
        Problem problem = e.toProblem();
        if (problem.errors() == null || problem.errors().isEmpty()) {
            return List.of(new ConfigError(file, null, problem.field(), problem.detail()));
        }
        List<ConfigError> errors = new ArrayList<>();
        for (Problem.FieldError error : problem.errors()) {
            errors.add(new ConfigError(file, error.line(), error.field(), error.message()));
        }
        return errors;
    }

    private static String slug(YamlDocument document, String path) {
        String value = document.text(path, true);
        if (value != null && !Slugs.isValid(value)) {
            document.error(path, "must be a slug of 2 to 63 lower-case letters, digits and inner hyphens");
        }
        return value;
    }

    private static String name(YamlDocument document, String path) {
        String value = document.text(path, true);
        if (value != null && (value.isBlank() || value.length() > 200)) {
            document.error(path, "must be 1 to 200 characters");
        }
        return value;
    }
}
