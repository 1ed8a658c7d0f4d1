package cloud.dangjian.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds one tenant's organisation tree of an exact size: a committee (党委) over general branches (党总支) over branches
 * (党支部) over groups (党小组), with a few branches directly under the committee as real committees have. Parents come
 * before their children so the file reads top-down.
 */
final class OrganisationTrees {

    /** About one general branch per 25 organisations, like a mid-sized enterprise committee. */
    private static final int ORGANISATIONS_PER_GENERAL_BRANCH = 25;

    private OrganisationTrees() {
    }

    /** A tree of {@code count} organisations (at least 2: a committee and the one branch members need). */
    static List<Organisation> build(String tenant, String tenantName, int count) {
        if (count < 2) {
            throw new IllegalArgumentException("a tenant needs at least a committee and a branch, asked for " + count);
        }
        int below = count - 1;
        int generalBranches = below >= 3 ? Math.max(1, below / ORGANISATIONS_PER_GENERAL_BRANCH) : 0;
        // Half of the rest are branches, so that most branches have a group and members spread over many branches.
        int branches = Math.max(1, (below - generalBranches + 1) / 2);
        int groups = below - generalBranches - branches;

        List<Organisation> tree = new ArrayList<>(count);
        String root = "C-0001";
        tree.add(new Organisation(tenant, root, "中共" + tenantName + "委员会", OrganisationKind.COMMITTEE, null));
        for (int g = 0; g < generalBranches; g++) {
            tree.add(new Organisation(tenant, generalBranchCode(g), tenantName + "第" + (g + 1) + "党总支部",
                    OrganisationKind.GENERAL_BRANCH, root));
        }
        for (int b = 0; b < branches; b++) {
            boolean underCommittee = generalBranches == 0 || b % 5 == 4;
            String parent = underCommittee ? root : generalBranchCode(b % generalBranches);
            tree.add(new Organisation(tenant, branchCode(b), tenantName + "第" + (b + 1) + "党支部",
                    OrganisationKind.BRANCH, parent));
        }
        for (int g = 0; g < groups; g++) {
            tree.add(new Organisation(tenant, String.format("G-%05d", g + 1), "第" + (g / branches + 1) + "党小组",
                    OrganisationKind.GROUP, branchCode(g % branches)));
        }
        return tree;
    }

    /** The codes of the branches in {@code tree}: the only organisations a member may belong to. */
    static List<String> branchCodes(List<Organisation> tree) {
        return tree.stream().filter(o -> o.kind() == OrganisationKind.BRANCH).map(Organisation::code).toList();
    }

    private static String generalBranchCode(int index) {
        return String.format("GB-%04d", index + 1);
    }

    private static String branchCode(int index) {
        return String.format("B-%05d", index + 1);
    }
}
