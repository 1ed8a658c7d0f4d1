package cloud.dangjian.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks a small generated data set against the rules the platform's importers enforce. */
class DataSetGeneratorTest {

    private static final Pattern ORGANISATION_CODE = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_.-]*$");
    private static final Pattern SLUG = Pattern.compile("^[a-z0-9][a-z0-9-]{0,61}[a-z0-9]$");
    /** Which kinds each kind may hold. */
    private static final Map<String, Set<String>> HOLDS = Map.of("COMMITTEE",
            Set.of("COMMITTEE", "GENERAL_BRANCH", "BRANCH"), "GENERAL_BRANCH", Set.of("BRANCH"), "BRANCH",
            Set.of("GROUP"), "GROUP", Set.of());

    @Test
    void organisationsFormProperTreesPerTenant(@TempDir Path directory) throws IOException {
        DataSet data = new DataSetGenerator(3_000, 1_120, 5).write(directory);
        List<String[]> rows = rows(data.organisations(), Organisation.HEADER);
        assertEquals(1_120, rows.size());
        assertEquals(5, data.tenants().size());
        assertEquals(TenantLayout.BIG_TENANT, data.tenants().get(0).id());

        Map<String, String> kinds = new HashMap<>();
        Map<String, Integer> perTenant = new HashMap<>();
        for (String[] row : rows) {
            String tenant = row[0];
            String key = tenant + "/" + row[1];
            assertTrue(SLUG.matcher(tenant).matches(), tenant);
            assertTrue(ORGANISATION_CODE.matcher(row[1]).matches(), row[1]);
            assertNull(kinds.put(key, row[3]), "duplicate " + key);
            if (row[4].isEmpty()) {
                assertEquals("COMMITTEE", row[3], "a root must be a committee: " + key);
            } else {
                String parentKind = kinds.get(tenant + "/" + row[4]);
                assertTrue(parentKind != null, "parent listed before child: " + key);
                assertTrue(HOLDS.get(parentKind).contains(row[3]), parentKind + " cannot hold " + row[3]);
            }
            perTenant.merge(tenant, 1, Integer::sum);
        }
        assertEquals(TenantLayout.BIG_TREE, perTenant.get(TenantLayout.BIG_TENANT));
        // The other 120 are shared evenly by the four small tenants.
        assertEquals(Map.of("bench-big", 1_000, "bench-t01", 30, "bench-t02", 30, "bench-t03", 30, "bench-t04", 30),
                perTenant);
    }

    @Test
    void membersObeyTheImportRules(@TempDir Path directory) throws IOException {
        DataSet data = new DataSetGenerator(3_000, 100, 3).write(directory);
        Set<String> bigBranches = new HashSet<>();
        for (String[] row : rows(data.organisations(), Organisation.HEADER)) {
            if (row[0].equals(TenantLayout.BIG_TENANT) && row[3].equals("BRANCH")) {
                bigBranches.add(row[1]);
            }
        }
        List<String[]> members = rows(data.members(), Member.HEADER);
        assertEquals(3_000, members.size());
        assertEquals(3_000, data.bigTenantNames().size());
        Set<String> codes = new HashSet<>();
        Set<String> idCards = new HashSet<>();
        for (String[] m : members) {
            assertEquals(TenantLayout.BIG_TENANT, m[0]);
            assertTrue(codes.add(m[1]), "duplicate code " + m[1]);
            assertTrue(m[2].codePointCount(0, m[2].length()) >= 2 && m[2].length() <= 4, m[2]);
            LocalDate birth = LocalDate.parse(m[4]);
            LocalDate joined = LocalDate.parse(m[8]);
            assertFalse(joined.isBefore(birth.plusYears(18)), "joined before 18: " + String.join(",", m));
            assertTrue(joined.isBefore(MemberFactory.DATA_DATE));
            assertTrue(m[7].matches("1[3-9][0-9]{9}"), m[7]);
            assertTrue(Set.of("FULL", "PROBATIONARY").contains(m[9]));
            assertTrue(bigBranches.contains(m[10]), "not a branch of bench-big: " + m[10]);
            assertTrue(Set.of("true", "false").contains(m[11]));
            String idCard = m[12];
            assertTrue(IdCards.isValid(idCard), idCard);
            assertTrue(idCards.add(idCard), "duplicate ID card " + idCard);
            assertEquals(m[4].replace("-", ""), idCard.substring(6, 14), "ID card carries the birth date");
            assertEquals(m[3].equals("MALE"), (idCard.charAt(16) - '0') % 2 == 1, "sequence parity is the gender");
        }
    }

    @Test
    void theSameSeedWritesTheSameFiles(@TempDir Path first, @TempDir Path second) throws IOException {
        DataSet a = new DataSetGenerator(500, 20, 2).write(first);
        DataSet b = new DataSetGenerator(500, 20, 2).write(second);
        assertArrayEquals(Files.readAllBytes(a.members()), Files.readAllBytes(b.members()));
        assertArrayEquals(Files.readAllBytes(a.organisations()), Files.readAllBytes(b.organisations()));
        assertEquals(Files.size(a.members()), a.memberBytes());
    }

    @Test
    void smallestTreesStillHaveABranch() {
        for (int size = 2; size < 60; size++) {
            List<Organisation> tree = OrganisationTrees.build("t", "T", size);
            assertEquals(size, tree.size());
            assertFalse(OrganisationTrees.branchCodes(tree).isEmpty());
        }
    }

    /** The data rows of a generated file; the generator never needs quoting, so a plain split reads it. */
    private static List<String[]> rows(Path file, List<String> header) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(String.join(",", header), lines.get(0));
        return lines.subList(1, lines.size()).stream().map(line -> {
            assertFalse(line.contains("\""), line);
            String[] cells = line.split(",", -1);
            assertEquals(header.size(), cells.length, line);
            return cells;
        }).toList();
    }
}
