package cloud.dangjian.benchmarks;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A client of the paging phase: walks the members of a tenant slice by slice with {@code after} cursors, each walk from
 * the very beginning of the tenant or through a random name prefix, to the last slice. A finished walk must have seen
 * exactly the members the data has, so lost or repeated rows at slice boundaries count as errors.
 */
final class PagingWorkload implements Workload {

    private final PlatformClient client;
    private final String tenant;
    private final NameIndex names;
    private final SplittableRandom random;

    /** The walk in progress: its prefix (null for the whole tenant), cursor, members seen and slices fetched. */
    private boolean walking;
    private String prefix;
    private String after;
    private long seen;
    private long depth;

    private long walksFinished;
    private long wholeTenantWalksFinished;
    private long deepest;

    PagingWorkload(PlatformClient client, String tenant, NameIndex names, long seed) {
        this.client = client;
        this.tenant = tenant;
        this.names = names;
        this.random = new SplittableRandom(seed);
    }

    @Override
    public void call() throws Exception {
        if (!walking) {
            // Half the walks cover the whole tenant, reaching slices thousands deep, which is what keyset paging is
            // for.
            prefix = random.nextBoolean() ? null : names.randomPrefix(random);
            after = null;
            seen = 0;
            depth = 0;
            walking = true;
        }
        Reply reply = client.get(PlatformClient.membersPath(tenant, prefix, after, SearchWorkload.PAGE_SIZE));
        if (!reply.is(200)) {
            walking = false;
            throw RequestFailed.of(reply);
        }
        MemberPage page = MemberPage.parse(reply.body());
        seen += page.items();
        depth++;
        deepest = Math.max(deepest, depth);
        if (page.items() > SearchWorkload.PAGE_SIZE || (page.next() != null && page.items() == 0)) {
            walking = false;
            throw new RequestFailed(
                    reply.request() + " returned " + page.items() + " members with next=" + page.next());
        }
        if (page.next() != null) {
            after = page.next();
            return;
        }
        walking = false;
        long expected = prefix == null ? names.size() : names.countWithPrefix(prefix);
        if (seen != expected) {
            throw new RequestFailed("a walk of " + (prefix == null ? "the whole tenant" : "prefix " + prefix) + " saw "
                    + seen + " members in " + depth + " slices, expected " + expected);
        }
        walksFinished++;
        if (prefix == null) {
            wholeTenantWalksFinished++;
        }
    }

    /** A line for the report on how far the walks of {@code clients} went, warm-up included. */
    static String summary(List<PagingWorkload> clients) {
        long finished = clients.stream().mapToLong(c -> c.walksFinished).sum();
        long whole = clients.stream().mapToLong(c -> c.wholeTenantWalksFinished).sum();
        long deepest = clients.stream().mapToLong(c -> c.deepest).max().orElse(0);
        return "Paging walks finished and checked (warm-up included): " + Format.count(finished) + ", of which "
                + Format.count(whole) + " through the whole tenant; deepest slice reached: " + Format.count(deepest)
                + ".";
    }
}
