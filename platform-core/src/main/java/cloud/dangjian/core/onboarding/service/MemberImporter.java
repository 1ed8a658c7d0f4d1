package cloud.dangjian.core.onboarding.service;

import cloud.dangjian.core.member.domain.Gender;
import cloud.dangjian.core.member.domain.IdCardNumbers;
import cloud.dangjian.core.member.domain.MemberStatus;
import cloud.dangjian.core.member.service.IdCardProtector;
import cloud.dangjian.core.onboarding.file.TabularRow;
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
            String branchCode, boolean mobile, String idCard) {
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
        return importRowsInCurrentTransaction(regionCode, rows, dryRun);
    }

    /**
     * The same inside the caller's transaction, which must exist: tenant-config imports a tenant's files in the
     * transaction that creates the tenant, so that all of it or none of it is applied.
     */
    public ImportReport importRowsInCurrentTransaction(String regionCode, List<TabularRow> rows, boolean dryRun)
            throws SQLException {
        Map<String, Tenant> tenants = scope.tenantsBelow(regionCode);
        RowErrors errors = new RowErrors();
        Map<String, List<MemberRow>> byTenant = parse(rows, tenants.keySet(), regionCode, errors);
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
            }
            errors.throwIfAny("member");
            if (dryRun) {
                return new ImportReport(rows.size(), 0, 0, 0, true);
            }
            return write(connection, byTenant, hashes, storedHashes, branchIds, rows.size());
        }
    }

    private Map<String, List<MemberRow>> parse(List<TabularRow> rows, Set<String> tenants, String regionCode,
            RowErrors errors) {
        Map<String, List<MemberRow>> byTenant = new LinkedHashMap<>();
        Map<String, Integer> firstLine = new HashMap<>();
        LocalDate today = LocalDate.now();
        for (TabularRow row : rows) {
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
            if (!ok) {
                continue;
            }
            Integer earlier = firstLine.putIfAbsent(tenant + "\u0000" + code, line);
            if (earlier != null) {
                errors.add(line, "code", "duplicate of line " + earlier + " for tenant '" + tenant + "'");
                continue;
            }
            byTenant.computeIfAbsent(tenant, t -> new ArrayList<>()).add(new MemberRow(line, tenant, code, name, gender,
                    birthDate, ethnicity, education, phone, joinedOn, status, branchCode, mobile, idCard));
        }
        return byTenant;
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
            Map<String, Map<String, Long>> branchIds, int total) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("""
                    CREATE TEMP TABLE import_members (tenant_id text, code text, name text, gender text,
                        birth_date date, ethnicity text, education text, phone text, joined_on date, status text,
                        branch_id bigint, mobile boolean, id_card_cipher bytea, id_card_hash bytea,
                        id_card_masked text) ON COMMIT DROP""");
        }
        try (CopyRows copy = CopyRows.into(connection, "import_members",
                "tenant_id, code, name, gender, birth_date, "
                        + "ethnicity, education, phone, joined_on, status, branch_id, mobile, id_card_cipher, "
                        + "id_card_hash, id_card_masked")) {
            for (var tenantRows : byTenant.entrySet()) {
                Map<String, ByteBuffer> stored = storedHashes.get(tenantRows.getKey());
                Map<String, Long> branches = branchIds.get(tenantRows.getKey());
                for (MemberRow row : tenantRows.getValue()) {
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
                            .value(row.mobile()).value(cipher).value(hash).value(masked).endRow();
                }
            }
            copy.finish();
        }
        try (Statement statement = connection.createStatement()) {
            // Temporary tables have no statistics until analysed; without them the planner guesses badly.
            statement.execute("CREATE INDEX ON import_members (tenant_id)");
            statement.execute("ANALYZE import_members");
        }
        String upsert = """
                INSERT INTO members (tenant_id, code, name, gender, birth_date, ethnicity, education, phone,
                                     joined_on, status, branch_id, mobile, id_card_cipher, id_card_hash,
                                     id_card_masked)
                SELECT i.tenant_id, i.code, i.name, i.gender, i.birth_date, i.ethnicity, i.education, i.phone,
                       i.joined_on, i.status, i.branch_id, i.mobile, i.id_card_cipher, i.id_card_hash,
                       i.id_card_masked
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
                       updated_at = now(), version = members.version + 1
                 WHERE (members.name, members.gender, members.birth_date, members.ethnicity, members.education,
                        members.phone, members.joined_on, members.status, members.branch_id, members.mobile,
                        members.id_card_hash)
                       IS DISTINCT FROM
                       (excluded.name, excluded.gender, excluded.birth_date, excluded.ethnicity, excluded.education,
                        excluded.phone, excluded.joined_on, excluded.status, excluded.branch_id, excluded.mobile,
                        COALESCE(excluded.id_card_hash, members.id_card_hash))
                RETURNING (xmax = 0) AS inserted
                """;
        int created = 0;
        int updated = 0;
        try (PreparedStatement statement = connection.prepareStatement(upsert)) {
            for (String tenant : byTenant.keySet()) {
                TenantRows.actAs(connection, tenant);
                statement.setString(1, tenant);
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
        return new ImportReport(total, created, updated, total - created - updated, false);
    }
}
