package cloud.dangjian.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides the benchmark's tenants: {@code bench-big}, which holds every member and a tree of about 1,000 organisations,
 * and {@code bench-t01}, {@code bench-t02}, … sharing the remaining organisations, as a region with one large
 * enterprise among many small units would.
 */
final class TenantLayout {

    static final String BIG_TENANT = "bench-big";
    static final int BIG_TREE = 1000;
    /** Every tenant needs a committee and a branch. */
    static final int SMALLEST_TREE = 2;
    /** Small tenants get no members; a modest quota keeps their plans realistic. */
    private static final int SMALL_QUOTA = 100;

    private static final String[] TYPES = { "ENTERPRISE", "COMMUNITY", "SOCIAL_ORGANISATION", "NON_PUBLIC_ENTERPRISE",
            "INSTITUTION" };
    private static final String[] NAME_PATTERNS = { "基准企业%02d有限公司", "基准社区%02d", "基准协会%02d", "基准科技%02d有限公司",
            "基准研究院%02d" };

    private TenantLayout() {
    }

    /** {@code tenants} tenants in all (bench-big first), sharing {@code organisations} organisations. */
    static List<BenchTenant> plan(int tenants, int organisations, int members) {
        if (tenants < 1 || organisations < SMALLEST_TREE * tenants) {
            throw new IllegalArgumentException("need at least " + SMALLEST_TREE + " organisations per tenant");
        }
        int small = tenants - 1;
        int big = small == 0 ? organisations : Math.min(BIG_TREE, organisations - SMALLEST_TREE * small);
        List<BenchTenant> layout = new ArrayList<>(tenants);
        // The quota is exactly the member count: the import checks it, and a smaller one would refuse the file.
        layout.add(new BenchTenant(BIG_TENANT, "基准集团", "ENTERPRISE", big, members));
        int rest = organisations - big;
        for (int i = 0; i < small; i++) {
            int share = rest / small + (i < rest % small ? 1 : 0);
            layout.add(new BenchTenant(String.format("bench-t%02d", i + 1),
                    String.format(NAME_PATTERNS[i % NAME_PATTERNS.length], i + 1), TYPES[i % TYPES.length], share,
                    SMALL_QUOTA));
        }
        return layout;
    }
}
