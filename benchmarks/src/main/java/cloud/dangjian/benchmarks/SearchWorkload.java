package cloud.dangjian.benchmarks;

import java.util.SplittableRandom;

/**
 * A client of the search phase: each request looks up a random name prefix, as a secretary typing a family name does,
 * and checks that the first slice holds as many members as the data has with that prefix (up to the slice size).
 */
final class SearchWorkload implements Workload {

    static final int PAGE_SIZE = 50;

    private final PlatformClient client;
    private final String tenant;
    private final NameIndex names;
    private final SplittableRandom random;

    SearchWorkload(PlatformClient client, String tenant, NameIndex names, long seed) {
        this.client = client;
        this.tenant = tenant;
        this.names = names;
        this.random = new SplittableRandom(seed);
    }

    @Override
    public void call() throws Exception {
        String prefix = names.randomPrefix(random);
        Reply reply = client.get(PlatformClient.membersPath(tenant, prefix, null, PAGE_SIZE));
        if (!reply.is(200)) {
            throw RequestFailed.of(reply);
        }
        int expected = Math.min(PAGE_SIZE, names.countWithPrefix(prefix));
        MemberPage page = MemberPage.parse(reply.body());
        if (page.items() != expected) {
            throw new RequestFailed(reply.request() + " found " + page.items() + " members, expected " + expected);
        }
    }
}
