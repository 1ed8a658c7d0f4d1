package cloud.dangjian.plugins.points;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cloud.dangjian.core.event.DomainEvent;
import cloud.dangjian.core.event.service.EventDispatcher;
import cloud.dangjian.plugins.points.probe.StudyProbePlugin;
import cloud.dangjian.plugins.points.service.AutomaticPoints;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Issue 6's benchmark, measured rather than asserted (only "none lost, none doubled" is): one tenant of 200,000 members
 * in 500 branches with a million earlier entries; automatic awards from events through the dispatcher, then the
 * leaderboard of a period (top 50 and one member's rank) through the API. Run with {@code -Dpoints.bench=true}.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "points.bench", matches = "true")
class PointsBenchmarkTest {

    private static final int MEMBERS = Integer.getInteger("points.bench.members", 200_000);
    private static final int BRANCHES = 500;
    private static final int EARLIER_ENTRIES = Integer.getInteger("points.bench.entries", 1_000_000);
    private static final int EVENTS = Integer.getInteger("points.bench.events", 20_000);
    private static final int THREADS = Integer.getInteger("points.bench.threads", 8);
    private static final int LOOKUPS = 500;

    @Inject
    EventDispatcher dispatcher;

    @Inject
    AutomaticPoints consumer;

    @Inject
    ObjectMapper objectMapper;

    @Inject
    AgroalDataSource app;

    @Inject
    @DataSource("migration")
    AgroalDataSource owner;

    @Test
    void measureAwardThroughputAndLeaderboardLatency() throws Exception {
        PointsFixtures.Org org = PointsFixtures.tenant(PointsFixtures.probeRule(1, 0, 0));
        String tenant = org.tenant();
        long start = System.nanoTime();
        long[] members = seed(tenant, org.committee());
        System.out.printf("BENCH seeded %,d members in %d branches and %,d entries in %.1f s%n", members.length,
                BRANCHES, EARLIER_ENTRIES, (System.nanoTime() - start) / 1e9);

        List<DomainEvent> events = new ArrayList<>(EVENTS);
        for (int i = 0; i < EVENTS; i++) {
            long member = members[ThreadLocalRandom.current().nextInt(members.length)];
            events.add(new DomainEvent(UUID.randomUUID(), StudyProbePlugin.ARTICLE_READ, tenant, Instant.now(),
                    objectMapper.valueToTree(Map.of("memberId", member))));
        }
        // Warm up on a tenth, then measure the rest.
        int warm = EVENTS / 10;
        deliver(events.subList(0, warm));
        start = System.nanoTime();
        deliver(events.subList(warm, EVENTS));
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("BENCH awards from events: %,d in %.2f s = %,.0f entries/s with %d threads%n", EVENTS - warm,
                seconds, (EVENTS - warm) / seconds, THREADS);
        // Redeliver a share of them concurrently: nothing may be doubled.
        deliver(events.subList(0, Math.min(2_000, EVENTS)));
        assertEquals(EVENTS,
                Database.count(app, tenant,
                        "SELECT count(DISTINCT source_event_id) FROM points_ledger WHERE kind = 'AUTOMATIC'"),
                "none lost");
        assertEquals(EVENTS, Database.count(app, tenant, "SELECT count(*) FROM points_ledger WHERE kind = 'AUTOMATIC'"),
                "none doubled");

        measure("a cheap request of the plugin (one task), for the API's own cost", members,
                member -> "/api/t/" + tenant + "/points/tasks?limit=1");
        measure("top 50 alone", members, member -> "/api/t/" + tenant + "/points/rankings/members?limit=50");
        measure("leaderboard (top 50 + one member's rank)", members,
                member -> "/api/t/" + tenant + "/points/rankings/members?limit=50&member=" + member);
    }

    private static void measure(String what, long[] members, java.util.function.LongFunction<String> path) {
        long[] latencies = new long[LOOKUPS];
        for (int i = -50; i < LOOKUPS; i++) {
            String url = path.apply(members[ThreadLocalRandom.current().nextInt(members.length)]);
            long t0 = System.nanoTime();
            given().get(url).then().statusCode(200);
            if (i >= 0) {
                latencies[i] = System.nanoTime() - t0;
            }
        }
        Arrays.sort(latencies);
        System.out.printf("BENCH %s, %d sequential requests: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", what, LOOKUPS,
                latencies[LOOKUPS / 2] / 1e6, latencies[LOOKUPS * 99 / 100] / 1e6, latencies[LOOKUPS - 1] / 1e6);
    }

    private void deliver(List<DomainEvent> events) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Callable<Boolean>> work = events.stream()
                    .map(event -> (Callable<Boolean>) () -> dispatcher.processOnce(consumer, event)).toList();
            for (Future<Boolean> result : pool.invokeAll(work)) {
                result.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Branches, members and earlier entries, written in bulk by the schema owner as the tenant. */
    private long[] seed(String tenant, long committee) throws SQLException {
        try (Connection connection = owner.getConnection()) {
            connection.setAutoCommit(false);
            run(connection, "SELECT set_config('dangjian.tenant_id', ?, true)", tenant);
            run(connection, """
                    INSERT INTO organisations (tenant_id, code, name, kind, parent_id, path)
                    SELECT ?, 'BB' || g, '支部 ' || g, 'BRANCH', c.id, c.path || 'BB' || g || '/'
                    FROM generate_series(1, %d) g, organisations c WHERE c.id = ?""".formatted(BRANCHES), tenant,
                    committee);
            run(connection, """
                    WITH b AS (SELECT array_agg(id ORDER BY id) AS ids FROM organisations WHERE kind = 'BRANCH')
                    INSERT INTO members (tenant_id, code, name, gender, status, branch_id)
                    SELECT ?, 'BM' || g, '党员' || g, 'FEMALE', 'FULL', b.ids[1 + g %% array_length(b.ids, 1)]
                    FROM generate_series(1, %d) g, b""".formatted(MEMBERS), tenant);
            run(connection,
                    """
                            WITH m AS (SELECT array_agg(id ORDER BY id) AS ids FROM members)
                            INSERT INTO points_ledger (tenant_id, seq, member_id, kind, points, reason, granted_by, granted_at,
                                granted_on, prev_hash, hash)
                            SELECT ?, g, m.ids[1 + (g::bigint * 7919 %% array_length(m.ids, 1))::int], 'BONUS', 1 + g %% 5, 'bench',
                                'bench', now(), current_date - (g %% 20), repeat('0', 64), repeat('0', 64)
                            FROM generate_series(1, %d) g, m"""
                            .formatted(EARLIER_ENTRIES),
                    tenant);
            // The totals a leaderboard reads, built from the bulk-loaded entries as the migration's rebuild does.
            run(connection, """
                    INSERT INTO points_totals (tenant_id, period_key, member_id, total)
                    SELECT tenant_id, key, member_id, sum(points) FROM (
                        SELECT tenant_id, member_id, points, to_char(granted_on, 'YYYY-MM') AS key FROM points_ledger
                        UNION ALL
                        SELECT tenant_id, member_id, points, to_char(granted_on, 'YYYY-"Q"Q') FROM points_ledger
                        UNION ALL
                        SELECT tenant_id, member_id, points, to_char(granted_on, 'YYYY') FROM points_ledger) e
                    GROUP BY tenant_id, key, member_id""");
            run(connection, """
                    INSERT INTO points_total_counts (tenant_id, period_key, total, members)
                    SELECT tenant_id, period_key, total, count(*) FROM points_totals
                    GROUP BY tenant_id, period_key, total""");
            connection.commit();
            connection.setAutoCommit(true);
            try (PreparedStatement analyze = connection.prepareStatement(
                    "VACUUM (ANALYZE) members, organisations, points_ledger, points_totals, points_total_counts")) {
                analyze.execute();
            }
            connection.setAutoCommit(false);
            List<Long> ids = new ArrayList<>();
            run(connection, "SELECT set_config('dangjian.tenant_id', ?, true)", tenant);
            try (PreparedStatement select = connection.prepareStatement("SELECT id FROM members");
                    ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            connection.commit();
            return ids.stream().mapToLong(Long::longValue).toArray();
        }
    }

    private static void run(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.execute();
        }
    }
}
