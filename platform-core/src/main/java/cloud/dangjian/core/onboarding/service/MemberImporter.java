package cloud.dangjian.core.onboarding.service;

import cloud.dangjian.core.member.account.Logins;
import cloud.dangjian.core.member.domain.Gender;
import cloud.dangjian.core.member.domain.IdCardNumbers;
import cloud.dangjian.core.member.domain.MemberStatus;
import cloud.dangjian.core.member.service.IdCardProtector;
import cloud.dangjian.core.onboarding.file.TabularRow;
import cloud.dangjian.core.problem.ProblemException;
import cloud.dangjian.core.tenancy.domain.Tenant;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Imports a region's member file: checks every row (formats, ID card check characters, home branch, duplicates, the
 * plan's member quota) before writing anything, then upserts all rows by (tenant, code) in one transaction. ID card
 * numbers are encrypted only when they differ from the stored one, so a re-import changes nothing.
 */
@ApplicationScoped
public class MemberImporter {

    public static final Set<String> COLUMNS = Set.of("tenant", "code", "name", "gender", "status", "branch_code");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9][0-9-]{4,19}$");

    private record MemberRow(int line, String tenant, String code, String name, Gender gender, LocalDate birthDate,
            String ethnicity, String education, String phone, LocalDate joinedOn, MemberStatus status,
            String branchCode, boolean mobile, String idCard, String username) {
    }

    /**
     * A stored member's login: the username, whether a Keycloak user is linked (then it cannot change), and whether the
     * account worker may be working on it (then it cannot change yet).
     */
    private record StoredLogin(String username, boolean linked, boolean inProgress) {
    }

    @Inject
    ImportScope scope;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    IdCardProtector protector;

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
        Map<String, Tenant> tenants = scope.tenantsBelow(regionCode);
        RowErrors errors = new RowErrors();
        Map<String, List<MemberRow>> byTenant = parse(rows, tenants.keySet(), regionCode, errors, progress);
        Map<MemberRow, byte[]> hashes = new HashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            Map<String, Map<String, ByteBuffer>> storedHashes = new HashMap<>();
            Map<String, Map<String, Long>> branchIds = new HashMap<>();
            for (var entry : byTenant.entrySet()) {
                TenantRows.actAs(connection, entry.getKey());
                Map<String, Long> branches = loadBranchIds(connection);
                branchIds.put(entry.getKey(), branches);
                Map<String, ByteBuffer> stored = loadMemberIdCardHashes(connection);
                storedHashes.put(entry.getKey(), stored);
                checkAgainstStored(tenants.get(entry.getKey()), entry.getValue(), branches, stored, hashes, errors);
                checkLogins(entry.getValue(), loadLogins(connection), errors);
            }
            errors.throwIfAny("member");
            if (dryRun) {
                return new ImportReport(rows.size(), 0, 0, 0, true);
            }
            return write(connection, byTenant, hashes, storedHashes, branchIds, rows.size(), progress);
        }
    }

    private Map<String, List<MemberRow>> parse(List<TabularRow> rows, Set<String> tenants, String regionCode,
            RowErrors errors, ImportProgress progress) {
        Map<String, List<MemberRow>> byTenant = new LinkedHashMap<>();
        Map<String, Integer> firstLine = new HashMap<>();
        Map<String, Integer> firstLineOfLogin = new HashMap<>();
        LocalDate today = LocalDate.now();
        int checked = 0;
        for (TabularRow row : rows) {
            progress.tick(ImportProgress.Phase.CHECKING, checked++);
            int line = row.line();
            boolean ok = true;
            String tenant = row.get("tenant");
            if (tenant == null || !tenants.contains(tenant)) {
                errors.add(line, "tenant", tenant == null ? "required"
                        : "no active tenant '" + tenant + "' in region '" + regionCode + "' or below it");
                ok = false;
            }
            String code = row.get("code");
            if (code == null || !OrganisationImporter.CODE.matcher(code).matches()) {
                errors.add(line, "code", code == null ? "required"
                        : "must be 1 to 64 letters, digits, '_', '.' or '-', starting with a letter or digit");
                ok = false;
            }
            String name = row.get("name");
            if (name == null || name.length() > 100) {
                errors.add(line, "name", name == null ? "required" : "must be at most 100 characters");
                ok = false;
            }
            Gender gender = row.get("gender") == null ? null : CellValues.gender(row.get("gender")).orElse(null);
            if (gender == null) {
                errors.add(line, "gender", "must be MALE or FEMALE (男/女)");
                ok = false;
            }
            LocalDate birthDate = null;
            if (row.get("birth_date") != null) {
                birthDate = CellValues.date(row.get("birth_date")).orElse(null);
                if (birthDate == null || !birthDate.isBefore(today)) {
                    errors.add(line, "birth_date", "must be a past date as yyyy-MM-dd");
                    ok = false;
                }
            }
            LocalDate joinedOn = null;
            if (row.get("joined_on") != null) {
                joinedOn = CellValues.date(row.get("joined_on")).orElse(null);
                if (joinedOn == null || joinedOn.isAfter(today)) {
                    errors.add(line, "joined_on", "must be a date not in the future, as yyyy-MM-dd");
                    ok = false;
                } else if (birthDate != null && !joinedOn.isAfter(birthDate.plusYears(18).minusDays(1))) {
                    errors.add(line, "joined_on", "a member joins the Party at 18 or older");
                    ok = false;
                }
            }
            String ethnicity = row.get("ethnicity");
            if (ethnicity != null && ethnicity.length() > 32) {
                errors.add(line, "ethnicity", "must be at most 32 characters");
                ok = false;
            }
            String education = row.get("education");
            if (education != null && education.length() > 32) {
                errors.add(line, "education", "must be at most 32 characters");
                ok = false;
            }
            String phone = row.get("phone");
            if (phone != null && !PHONE.matcher(phone).matches()) {
                errors.add(line, "phone", "must be a phone number of digits and hyphens");
                ok = false;
            }
            MemberStatus status = row.get("status") == null ? null : CellValues.status(row.get("status")).orElse(null);
            if (status == null) {
                errors.add(line, "status", "must be FULL or PROBATIONARY (正式/预备)");
                ok = false;
            }
            String branchCode = row.get("branch_code");
            if (branchCode == null) {
                errors.add(line, "branch_code", "required: the code of the member's home branch");
                ok = false;
            }
            boolean mobile = false;
            if (row.get("mobile") != null) {
                Boolean parsed = CellValues.bool(row.get("mobile")).orElse(null);
                if (parsed == null) {
                    errors.add(line, "mobile", "must be true or false (是/否)");
                    ok = false;
                } else {
                    mobile = parsed;
                }
            }
            String idCard = IdCardNumbers.normalise(row.get("id_card"));
            if (idCard != null) {
                String problem = IdCardNumbers.problemWith(idCard).orElse(null);
                if (problem != null) {
                    errors.add(line, "id_card", problem);
                    ok = false;
                }
            }
            String username = Logins.normalise(row.get("username"));
            if (username != null) {
                String problem = Logins.problemWith(username).orElse(null);
                if (problem != null) {
                    errors.add(line, "username", problem);
                    ok = false;
                }
            }
            if (!ok) {
                continue;
            }
            if (username != null) {
                // Logins are unique across the platform (one Keycloak realm), so across tenants within the file too.
                Integer sameLogin = firstLineOfLogin.putIfAbsent(username, line);
                if (sameLogin != null) {
                    errors.add(line, "username", "the same login as line " + sameLogin);
                    continue;
                }
            }
            Integer earlier = firstLine.putIfAbsent(tenant + "\u0000" + code, line);
            if (earlier != null) {
                errors.add(line, "code", "duplicate of line " + earlier + " for tenant '" + tenant + "'");
                continue;
            }
            byTenant.computeIfAbsent(tenant, t -> new ArrayList<>()).add(new MemberRow(line, tenant, code, name, gender,
                    birthDate, ethnicity, education, phone, joinedOn, status, branchCode, mobile, idCard, username));
        }
        progress.reached(ImportProgress.Phase.CHECKING, rows.size());
        return byTenant;
    }

    private static void sql(Connection connection, String command) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(command);
        }
    }

    private static boolean isLoginTaken(SQLException e) {
        return "23505".equals(e.getSQLState()) && e.getMessage() != null
                && e.getMessage().contains("members_username_unique");
    }

    /**
     * A login of the file is held by a member of another tenant, invisible to this import; PostgreSQL does not name it
     * either (row-level security hides the key). The rare error path tries each row's login on its own, inside a
     * savepoint that is rolled back, and refuses the file naming every line whose login is taken.
     */
    private static ProblemException loginsTakenElsewhere(Connection connection, String upsert, String tenant,
            List<MemberRow> rows) throws SQLException {
        RowErrors errors = new RowErrors();
        String one = upsert.replace("WHERE i.tenant_id = ?", "WHERE i.tenant_id = ? AND i.code = ?");
        try (PreparedStatement probe = connection.prepareStatement(one)) {
            for (MemberRow row : rows) {
                if (row.username() == null) {
                    continue;
                }
                sql(connection, "SAVEPOINT login_probe");
                probe.setString(1, tenant);
                probe.setString(2, row.code());
                try {
                    probe.execute();
                } catch (SQLException e) {
                    if (!isLoginTaken(e)) {
                        throw e;
                    }
                    errors.add(row.line(), "username",
                            "the login '" + row.username() + "' is already taken on the platform");
                } finally {
                    sql(connection, "ROLLBACK TO SAVEPOINT login_probe");
                }
            }
        }
        if (errors.isEmpty()) {
            errors.add(0, "username", "a login of the file is already taken on the platform");
        }
        try {
            errors.throwIfAny("member");
        } catch (ProblemException problem) {
            return problem;
        }
        throw new IllegalStateException("unreachable");
    }

    /** The current tenant's branches (党支部), code to id: a member's home must be one of them. */
    private static Map<String, Long> loadBranchIds(Connection connection) throws SQLException {
        Map<String, Long> branches = new HashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT code, id FROM organisations WHERE kind = 'BRANCH'")) {
            while (rs.next()) {
                branches.put(rs.getString(1), rs.getLong(2));
            }
        }
        return branches;
    }

    /** Stored members of the current tenant: code → ID card hash (an empty buffer when none is stored). */
    private static Map<String, ByteBuffer> loadMemberIdCardHashes(Connection connection) throws SQLException {
        Map<String, ByteBuffer> stored = new HashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT code, id_card_hash FROM members")) {
            while (rs.next()) {
                byte[] hash = rs.getBytes(2);
                stored.put(rs.getString(1), ByteBuffer.wrap(hash == null ? new byte[0] : hash));
            }
        }
        return stored;
    }

    /** Stored members of the current tenant with a login: code → login. */
    private static Map<String, StoredLogin> loadLogins(Connection connection) throws SQLException {
        Map<String, StoredLogin> logins = new HashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("""
                        SELECT m.code, m.username, m.keycloak_user_id IS NOT NULL,
                               EXISTS (SELECT 1 FROM account_tasks t
                                        WHERE t.tenant_id = m.tenant_id AND t.member_id = m.id
                                          AND t.done_at IS NULL AND t.failed_at IS NULL)
                          FROM members m WHERE m.username IS NOT NULL""")) {
            while (rs.next()) {
                logins.put(rs.getString(1), new StoredLogin(rs.getString(2), rs.getBoolean(3), rs.getBoolean(4)));
            }
        }
        return logins;
    }

    /**
     * A row's login must not be another member's of the tenant, and cannot replace a login whose Keycloak user exists
     * (the realm does not rename users). Other tenants' logins are checked by the unique index when writing.
     */
    private static void checkLogins(List<MemberRow> rows, Map<String, StoredLogin> stored, RowErrors errors) {
        Map<String, String> ownerOfLogin = new HashMap<>();
        stored.forEach((code, login) -> ownerOfLogin.put(login.username(), code));
        for (MemberRow row : rows) {
            if (row.username() == null) {
                continue;
            }
            String owner = ownerOfLogin.get(row.username());
            if (owner != null && !owner.equals(row.code())) {
                errors.add(row.line(), "username", "already the login of member '" + owner + "'");
            }
            StoredLogin own = stored.get(row.code());
            if (own != null && own.linked() && !own.username().equals(row.username())) {
                errors.add(row.line(), "username", "member '" + row.code() + "' already has the account '"
                        + own.username() + "'; Keycloak does not rename users");
            } else if (own != null && own.inProgress() && !own.username().equals(row.username())) {
                errors.add(row.line(), "username", "the account '" + own.username() + "' of member '" + row.code()
                        + "' is being created; change the login once it is done or has failed");
            }
        }
    }

    private void checkAgainstStored(Tenant tenant, List<MemberRow> rows, Map<String, Long> branches,
            Map<String, ByteBuffer> stored, Map<MemberRow, byte[]> hashes, RowErrors errors) {
        Map<ByteBuffer, String> ownerOfHash = new HashMap<>();
        stored.forEach((code, hash) -> {
            if (hash.capacity() > 0) {
                ownerOfHash.put(hash, code);
            }
        });
        Map<ByteBuffer, Integer> lineOfHash = new HashMap<>();
        long members = stored.size();
        int quota = tenant.plan().memberQuota();
        for (MemberRow row : rows) {
            if (!branches.containsKey(row.branchCode())) {
                errors.add(row.line(), "branch_code", "no branch (党支部) '" + row.branchCode() + "' in tenant '"
                        + row.tenant() + "'; import the organisation file first");
            }
            if (!stored.containsKey(row.code())) {
                members++;
                if (members == quota + 1L) {
                    errors.add(row.line(), "code", "tenant '" + row.tenant() + "' may have " + quota
                            + " members under its plan; this row would be member " + members);
                }
            }
            if (row.idCard() != null) {
                byte[] hash = protector.hash(row.idCard());
                hashes.put(row, hash);
                ByteBuffer key = ByteBuffer.wrap(hash);
                String owner = ownerOfHash.get(key);
                if (owner != null && !owner.equals(row.code())) {
                    errors.add(row.line(), "id_card", "already the ID card number of member '" + owner + "'");
                }
                Integer earlier = lineOfHash.putIfAbsent(key, row.line());
                if (earlier != null) {
                    errors.add(row.line(), "id_card", "the same ID card number as line " + earlier);
                }
            }
        }
    }

    private ImportReport write(Connection connection, Map<String, List<MemberRow>> byTenant,
            Map<MemberRow, byte[]> hashes, Map<String, Map<String, ByteBuffer>> storedHashes,
            Map<String, Map<String, Long>> branchIds, int total, ImportProgress progress) throws SQLException {
        int written = 0;
        try (Statement statement = connection.createStatement()) {
            statement.execute("""
                    CREATE TEMP TABLE import_members (tenant_id text, code text, name text, gender text,
                        birth_date date, ethnicity text, education text, phone text, joined_on date, status text,
                        branch_id bigint, mobile boolean, id_card_cipher bytea, id_card_hash bytea,
                        id_card_masked text, username text) ON COMMIT DROP""");
        }
        try (CopyRows copy = CopyRows.into(connection, "import_members",
                "tenant_id, code, name, gender, birth_date, "
                        + "ethnicity, education, phone, joined_on, status, branch_id, mobile, id_card_cipher, "
                        + "id_card_hash, id_card_masked, username")) {
            for (var tenantRows : byTenant.entrySet()) {
                Map<String, ByteBuffer> stored = storedHashes.get(tenantRows.getKey());
                Map<String, Long> branches = branchIds.get(tenantRows.getKey());
                for (MemberRow row : tenantRows.getValue()) {
                    progress.tick(ImportProgress.Phase.WRITING, written++);
                    byte[] hash = hashes.get(row);
                    byte[] cipher = null;
                    String masked = null;
                    if (hash != null) {
                        ByteBuffer storedHash = stored.get(row.code());
                        // Encrypt only what changes: a fresh nonce would otherwise make every re-import an update.
                        if (storedHash == null || !storedHash.equals(ByteBuffer.wrap(hash))) {
                            cipher = protector.protect(row.idCard()).cipher();
                        }
                        masked = IdCardNumbers.mask(row.idCard());
                    }
                    copy.value(row.tenant()).value(row.code()).value(row.name()).value(row.gender().name())
                            .value(row.birthDate()).value(row.ethnicity()).value(row.education()).value(row.phone())
                            .value(row.joinedOn()).value(row.status().name()).value(branches.get(row.branchCode()))
                            .value(row.mobile()).value(cipher).value(hash).value(masked).value(row.username()).endRow();
                }
            }
            copy.finish();
        }
        progress.reached(ImportProgress.Phase.WRITING, written);
        try (Statement statement = connection.createStatement()) {
            // Temporary tables have no statistics until analysed; without them the planner guesses badly.
            statement.execute("CREATE INDEX ON import_members (tenant_id)");
            statement.execute("ANALYZE import_members");
        }
        String upsert = """
                INSERT INTO members (tenant_id, code, name, gender, birth_date, ethnicity, education, phone,
                                     joined_on, status, branch_id, mobile, id_card_cipher, id_card_hash,
                                     id_card_masked, username, account_status)
                SELECT i.tenant_id, i.code, i.name, i.gender, i.birth_date, i.ethnicity, i.education, i.phone,
                       i.joined_on, i.status, i.branch_id, i.mobile, i.id_card_cipher, i.id_card_hash,
                       i.id_card_masked, i.username, CASE WHEN i.username IS NULL THEN 'NONE' ELSE 'PENDING' END
                  FROM import_members i
                 WHERE i.tenant_id = ?
                ON CONFLICT (tenant_id, code) DO UPDATE SET
                       name = excluded.name, gender = excluded.gender, birth_date = excluded.birth_date,
                       ethnicity = excluded.ethnicity, education = excluded.education, phone = excluded.phone,
                       joined_on = excluded.joined_on, status = excluded.status, branch_id = excluded.branch_id,
                       mobile = excluded.mobile,
                       id_card_cipher = COALESCE(excluded.id_card_cipher, members.id_card_cipher),
                       id_card_hash = COALESCE(excluded.id_card_hash, members.id_card_hash),
                       id_card_masked = COALESCE(excluded.id_card_masked, members.id_card_masked),
                       username = COALESCE(excluded.username, members.username),
                       -- A new or changed login, with no Keycloak user linked yet, is queued (below).
                       account_status = CASE
                           WHEN excluded.username IS NOT NULL AND members.keycloak_user_id IS NULL
                                AND excluded.username IS DISTINCT FROM members.username THEN 'PENDING'
                           ELSE members.account_status END,
                       updated_at = now(), version = members.version + 1
                 WHERE (members.name, members.gender, members.birth_date, members.ethnicity, members.education,
                        members.phone, members.joined_on, members.status, members.branch_id, members.mobile,
                        members.id_card_hash, members.username)
                       IS DISTINCT FROM
                       (excluded.name, excluded.gender, excluded.birth_date, excluded.ethnicity, excluded.education,
                        excluded.phone, excluded.joined_on, excluded.status, excluded.branch_id, excluded.mobile,
                        COALESCE(excluded.id_card_hash, members.id_card_hash),
                        COALESCE(excluded.username, members.username))
                RETURNING (xmax = 0) AS inserted
                """;
        // Members whose login was just given or changed get their account task in this same transaction: the rows
        // and their tasks commit together. Parked tasks of those members are superseded.
        String supersede = """
                UPDATE account_tasks t SET done_at = now()
                  FROM members m
                 WHERE m.tenant_id = ? AND m.account_status = 'PENDING' AND m.keycloak_user_id IS NULL
                   AND t.tenant_id = m.tenant_id AND t.member_id = m.id
                   AND t.done_at IS NULL AND t.failed_at IS NOT NULL
                """;
        String enqueue = """
                INSERT INTO account_tasks (tenant_id, member_id, action)
                SELECT m.tenant_id, m.id, 'CREATE' FROM members m
                 WHERE m.tenant_id = ? AND m.account_status = 'PENDING' AND m.keycloak_user_id IS NULL
                   AND NOT EXISTS (SELECT 1 FROM account_tasks t
                                    WHERE t.tenant_id = m.tenant_id AND t.member_id = m.id
                                      AND t.done_at IS NULL AND t.failed_at IS NULL)
                """;
        // Renamed members with an account: the Keycloak user shows the member's name (read before the upsert).
        String rename = """
                INSERT INTO account_tasks (tenant_id, member_id, action)
                SELECT m.tenant_id, m.id, 'UPDATE' FROM members m
                  JOIN import_members i ON i.tenant_id = m.tenant_id AND i.code = m.code
                 WHERE m.tenant_id = ? AND m.keycloak_user_id IS NOT NULL AND m.name IS DISTINCT FROM i.name
                """;
        int created = 0;
        int updated = 0;
        try (PreparedStatement renaming = connection.prepareStatement(rename);
                PreparedStatement statement = connection.prepareStatement(upsert);
                PreparedStatement superseding = connection.prepareStatement(supersede);
                PreparedStatement enqueuing = connection.prepareStatement(enqueue)) {
            for (String tenant : byTenant.keySet()) {
                TenantRows.actAs(connection, tenant);
                statement.setString(1, tenant);
                // SQL savepoints: the pool refuses JDBC rollbacks of a connection enlisted in the JTA transaction.
                sql(connection, "SAVEPOINT before_tenant");
                renaming.setString(1, tenant);
                renaming.executeUpdate();
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        if (rs.getBoolean(1)) {
                            created++;
                        } else {
                            updated++;
                        }
                    }
                } catch (SQLException e) {
                    if (!isLoginTaken(e)) {
                        throw e;
                    }
                    sql(connection, "ROLLBACK TO SAVEPOINT before_tenant");
                    throw loginsTakenElsewhere(connection, upsert, tenant, byTenant.get(tenant));
                }
                superseding.setString(1, tenant);
                superseding.executeUpdate();
                enqueuing.setString(1, tenant);
                enqueuing.executeUpdate();
            }
        }
        return new ImportReport(total, created, updated, total - created - updated, false);
    }
}
