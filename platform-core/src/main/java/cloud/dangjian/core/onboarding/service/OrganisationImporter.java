package cloud.dangjian.core.onboarding.service;

import cloud.dangjian.core.onboarding.file.TabularRow;
import cloud.dangjian.core.organisation.domain.OrganisationKind;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Imports a region's organisation file (tenant, code, name, kind, parent_code): checks every row against the file and
 * the database first, then writes all of it in one transaction, or nothing. Upserts by (tenant, code), so importing the
 * same file again changes nothing.
 */
@ApplicationScoped
public class OrganisationImporter {

    public static final Set<String> COLUMNS = Set.of("tenant", "code", "name", "kind", "parent_code");
    static final Pattern CODE = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$");

    private record OrganisationRow(int line, String tenant, String code, String name, OrganisationKind kind,
            String parentCode) {
    }

    private record Stored(String code, OrganisationKind kind, String parentCode, String path) {
    }

    @Inject
    ImportScope scope;

    @Inject
    AgroalDataSource dataSource;

    @Transactional
    @TransactionConfiguration(timeout = 1800)
    public ImportReport importRows(String regionCode, List<TabularRow> rows, boolean dryRun) throws SQLException {
        return importRowsInCurrentTransaction(regionCode, rows, dryRun, ImportProgress.NONE);
    }

    /** The same, telling {@code progress} how many rows have been checked, then written. */
    @Transactional
    @TransactionConfiguration(timeout = 1800)
    public ImportReport importRows(String regionCode, List<TabularRow> rows, boolean dryRun, ImportProgress progress)
            throws SQLException {
        return importRowsInCurrentTransaction(regionCode, rows, dryRun, progress);
    }

    /**
     * The same inside the caller's transaction, which must exist: tenant-config imports a tenant's files in the
     * transaction that creates the tenant, so that all of it or none of it is applied.
     */
    public ImportReport importRowsInCurrentTransaction(String regionCode, List<TabularRow> rows, boolean dryRun)
            throws SQLException {
        return importRowsInCurrentTransaction(regionCode, rows, dryRun, ImportProgress.NONE);
    }

    private ImportReport importRowsInCurrentTransaction(String regionCode, List<TabularRow> rows, boolean dryRun,
            ImportProgress progress) throws SQLException {
        Set<String> tenants = scope.tenantsBelow(regionCode).keySet();
        RowErrors errors = new RowErrors();
        Map<String, Map<String, OrganisationRow>> byTenant = parse(rows, tenants, regionCode, errors, progress);
        try (Connection connection = dataSource.getConnection()) {
            Map<String, Map<String, String>> paths = new HashMap<>();
            for (var entry : byTenant.entrySet()) {
                TenantRows.actAs(connection, entry.getKey());
                Map<String, Stored> stored = loadStored(connection);
                paths.put(entry.getKey(), resolvePaths(entry.getKey(), entry.getValue(), stored, errors));
            }
            errors.throwIfAny("organisation");
            if (dryRun) {
                return new ImportReport(rows.size(), 0, 0, 0, true);
            }
            return write(connection, byTenant, paths, rows.size(), progress);
        }
    }

    private Map<String, Map<String, OrganisationRow>> parse(List<TabularRow> rows, Set<String> tenants,
            String regionCode, RowErrors errors, ImportProgress progress) {
        Map<String, Map<String, OrganisationRow>> byTenant = new LinkedHashMap<>();
        Map<String, Integer> firstLine = new HashMap<>();
        int checked = 0;
        for (TabularRow row : rows) {
            progress.tick(ImportProgress.Phase.CHECKING, checked++);
            String tenant = row.get("tenant");
            String code = row.get("code");
            String name = row.get("name");
            String kindText = row.get("kind");
            String parent = row.get("parent_code");
            boolean ok = true;
            if (tenant == null) {
                errors.add(row.line(), "tenant", "required");
                ok = false;
            } else if (!tenants.contains(tenant)) {
                errors.add(row.line(), "tenant",
                        "no active tenant '" + tenant + "' in region '" + regionCode + "' or below it");
                ok = false;
            }
            if (code == null || !CODE.matcher(code).matches()) {
                errors.add(row.line(), "code", code == null ? "required"
                        : "must be 1 to 64 letters, digits, '_', '.' or '-', starting with a letter or digit");
                ok = false;
            }
            if (name == null || name.length() > 200) {
                errors.add(row.line(), "name", name == null ? "required" : "must be at most 200 characters");
                ok = false;
            }
            OrganisationKind kind = null;
            try {
                kind = kindText == null ? null : OrganisationKind.valueOf(kindText.toUpperCase());
            } catch (IllegalArgumentException e) {
                kind = null;
            }
            if (kind == null) {
                errors.add(row.line(), "kind", "must be one of COMMITTEE, GENERAL_BRANCH, BRANCH, GROUP");
                ok = false;
            }
            if (parent != null && !CODE.matcher(parent).matches()) {
                errors.add(row.line(), "parent_code", "is not a valid organisation code");
                ok = false;
            }
            if (parent != null && parent.equals(code)) {
                errors.add(row.line(), "parent_code", "an organisation cannot be its own parent");
                ok = false;
            }
            if (!ok) {
                continue;
            }
            Integer earlier = firstLine.putIfAbsent(tenant + "\u0000" + code, row.line());
            if (earlier != null) {
                errors.add(row.line(), "code", "duplicate of line " + earlier + " for tenant '" + tenant + "'");
                continue;
            }
            byTenant.computeIfAbsent(tenant, t -> new LinkedHashMap<>()).put(code,
                    new OrganisationRow(row.line(), tenant, code, name, kind, parent));
        }
        progress.reached(ImportProgress.Phase.CHECKING, rows.size());
        return byTenant;
    }

    private static Map<String, Stored> loadStored(Connection connection) throws SQLException {
        Map<String, Stored> stored = new HashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT code, kind, path FROM organisations")) {
            while (rs.next()) {
                String path = rs.getString(3);
                String[] segments = path.substring(1).split("/");
                String parent = segments.length > 1 ? segments[segments.length - 2] : null;
                stored.put(rs.getString(1),
                        new Stored(rs.getString(1), OrganisationKind.valueOf(rs.getString(2)), parent, path));
            }
        }
        return stored;
    }

    /** Every file row's path from the root, checking parents, kinds and cycles on the way. */
    private static Map<String, String> resolvePaths(String tenant, Map<String, OrganisationRow> rows,
            Map<String, Stored> stored, RowErrors errors) {
        Map<String, String> paths = new HashMap<>();
        for (OrganisationRow row : rows.values()) {
            Stored existing = stored.get(row.code());
            if (existing != null && existing.kind() != row.kind()) {
                errors.add(row.line(), "kind", "'" + row.code() + "' is stored as " + existing.kind()
                        + "; an import does not change an organisation's kind");
            }
            if (existing != null && !Objects.equals(existing.parentCode(), row.parentCode())) {
                errors.add(row.line(), "parent_code",
                        "'" + row.code() + "' is stored under "
                                + (existing.parentCode() == null ? "the root" : "'" + existing.parentCode() + "'")
                                + "; move it with POST /api/t/" + tenant + "/organisations/{id}/move instead");
            }
        }
        for (OrganisationRow row : rows.values()) {
            resolve(row, rows, stored, paths, new HashSet<>(), errors, tenant);
        }
        return paths;
    }

    private static String resolve(OrganisationRow row, Map<String, OrganisationRow> rows, Map<String, Stored> stored,
            Map<String, String> paths, Set<String> visiting, RowErrors errors, String tenant) {
        String known = paths.get(row.code());
        if (known != null) {
            return known.isEmpty() ? null : known;
        }
        if (!visiting.add(row.code())) {
            errors.add(row.line(), "parent_code", "the parent chain of '" + row.code() + "' loops back to itself");
            paths.put(row.code(), "");
            return null;
        }
        String path = null;
        if (row.parentCode() == null) {
            if (!row.kind().mayBeRoot()) {
                errors.add(row.line(), "parent_code", "a party group (GROUP) must sit under a branch");
            } else {
                path = "/" + row.code() + "/";
            }
        } else {
            OrganisationRow parentRow = rows.get(row.parentCode());
            Stored parentStored = stored.get(row.parentCode());
            OrganisationKind parentKind = parentRow != null ? parentRow.kind()
                    : parentStored != null ? parentStored.kind() : null;
            String parentPath = parentRow != null ? resolve(parentRow, rows, stored, paths, visiting, errors, tenant)
                    : parentStored != null ? parentStored.path() : null;
            if (parentKind == null) {
                errors.add(row.line(), "parent_code", "no organisation '" + row.parentCode() + "' in tenant '" + tenant
                        + "', neither in this file nor stored");
            } else if (!parentKind.mayContain(row.kind())) {
                errors.add(row.line(), "kind",
                        "a " + row.kind() + " cannot sit under a " + parentKind + " ('" + row.parentCode() + "')");
            } else if (parentPath != null) {
                path = parentPath + row.code() + "/";
            } else {
                errors.add(row.line(), "parent_code", "its parent '" + row.parentCode() + "' (line " + parentRow.line()
                        + ") cannot be placed, so neither can this organisation");
            }
        }
        paths.put(row.code(), path == null ? "" : path);
        return path;
    }

    private ImportReport write(Connection connection, Map<String, Map<String, OrganisationRow>> byTenant,
            Map<String, Map<String, String>> paths, int total, ImportProgress progress) throws SQLException {
        int written = 0;
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMP TABLE import_organisations (tenant_id text, code text, name text, "
                    + "kind text, parent_code text, path text, depth int) ON COMMIT DROP");
        }
        int maxDepth = 0;
        try (CopyRows copy = CopyRows.into(connection, "import_organisations",
                "tenant_id, code, name, kind, parent_code, path, depth")) {
            for (var tenantRows : byTenant.entrySet()) {
                Map<String, String> tenantPaths = paths.get(tenantRows.getKey());
                for (OrganisationRow row : tenantRows.getValue().values()) {
                    progress.tick(ImportProgress.Phase.WRITING, written++);
                    String path = tenantPaths.get(row.code());
                    int depth = path.length() - path.replace("/", "").length() - 1;
                    maxDepth = Math.max(maxDepth, depth);
                    copy.value(row.tenant()).value(row.code()).value(row.name()).value(row.kind().name())
                            .value(row.parentCode()).value(path).value(depth).endRow();
                }
            }
            copy.finish();
        }
        progress.reached(ImportProgress.Phase.WRITING, written);
        try (Statement statement = connection.createStatement()) {
            // Temporary tables have no statistics until analysed; without them the planner guesses badly.
            statement.execute("CREATE INDEX ON import_organisations (tenant_id, depth)");
            statement.execute("ANALYZE import_organisations");
        }
        int created = 0;
        int updated = 0;
        String upsert = """
                INSERT INTO organisations (tenant_id, code, name, kind, parent_id, path)
                SELECT i.tenant_id, i.code, i.name, i.kind, p.id, i.path
                  FROM import_organisations i
                  LEFT JOIN organisations p ON p.tenant_id = i.tenant_id AND p.code = i.parent_code
                 WHERE i.tenant_id = ? AND i.depth = ?
                ON CONFLICT (tenant_id, code) DO UPDATE
                   SET name = excluded.name, updated_at = now(), version = organisations.version + 1
                 WHERE organisations.name IS DISTINCT FROM excluded.name
                RETURNING (xmax = 0) AS inserted
                """;
        try (PreparedStatement statement = connection.prepareStatement(upsert)) {
            for (String tenant : byTenant.keySet()) {
                TenantRows.actAs(connection, tenant);
                for (int depth = 1; depth <= maxDepth; depth++) {
                    statement.setString(1, tenant);
                    statement.setInt(2, depth);
                    try (ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            if (rs.getBoolean(1)) {
                                created++;
                            } else {
                                updated++;
                            }
                        }
                    }
                }
            }
        }
        return new ImportReport(total, created, updated, total - created - updated, false);
    }
}
