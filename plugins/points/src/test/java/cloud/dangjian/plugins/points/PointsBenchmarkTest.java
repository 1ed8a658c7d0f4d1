package cloud.dangjian.plugins.points;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cloud.dangjian.core.event.DomainEvent;
import cloud.dangjian.core.event.service.EventDispatcher;
import cloud.dangjian.core.event.service.OutboxRelay;
import cloud.dangjian.core.testing.Tokens;
import cloud.dangjian.plugins.points.probe.StudyProbePlugin;
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
import java.time.temporal.ChronoUnit;
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
    private static final int EVENTS = Integer.getInteger("points.bench.events", 50_000);
    private static final int THREADS = Integer.getInteger("points.bench.threads", 4);
    private static final int BATCH = Integer.getInteger("points.bench.batch", 500);
    private static final int LOOKUPS = 500;

    @Inject
    EventDispatcher dispatcher;

    @Inject
    OutboxRelay relay;

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

        // Through the dispatcher: batches as a relay pass or a Kafka poll delivers them, from several threads at once
        // (several nodes, partitions or relay passes), so that concurrent batches of one tenant meet at its lock.
        List<DomainEvent> events = events(tenant, members, EVENTS);
        int warm = EVENTS / 10;
        deliver(events.subList(0, warm));
        start = System.nanoTime();
        long[] cpu = cpu();
        deliver(events.subList(warm, EVENTS));
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "BENCH awards from events through the dispatcher: %,d in %.2f s = %,.0f entries/s "
                        + "(batches of %d, %d threads)%n",
                EVENTS - warm, seconds, (EVENTS - warm) / seconds, BATCH, THREADS);
        printCpu(cpu, EVENTS - warm);

        // End to end: the events wait committed in the outbox, as after their publishers' transactions, and the
        // relay (one thread, batches of dangjian.events.relay-batch-size) carries them to the dispatcher.
        List<DomainEvent> published = events(tenant, members, EVENTS);
        relay.pause();
        try {
            outbox(published);
        } finally {
            start = System.nanoTime();
            cpu = cpu();
            relay.resume();
        }
        while (Database.count(app, tenant, "SELECT count(*) FROM outbox_events WHERE published_at IS NULL") > 0) {
            relay.relayPending();
            Thread.sleep(20);
        }
        seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "BENCH awards from events through outbox, relay and dispatcher: %,d in %.2f s = %,.0f " + "entries/s%n",
                EVENTS, seconds, EVENTS / seconds);
        printCpu(cpu, EVENTS);

        // Redeliver a share of both concurrently, and make the relay send a share again: nothing may be doubled.
        List<DomainEvent> again = new ArrayList<>(events.subList(0, Math.min(2_000, EVENTS)));
        again.addAll(published.subList(0, Math.min(2_000, EVENTS)));
        java.util.Collections.shuffle(again);
        deliver(again);
        String resent = published.subList(0, Math.min(1_000, EVENTS)).stream().map(e -> e.id().toString())
                .collect(java.util.stream.Collectors.joining(",", "{", "}"));
        Database.update(app, tenant, "UPDATE outbox_events SET published_at = NULL WHERE id = ANY(CAST(? AS uuid[]))",
                resent);
        while (Database.count(app, tenant, "SELECT count(*) FROM outbox_events WHERE published_at IS NULL") > 0) {
            relay.relayPending();
            Thread.sleep(20);
        }
        assertEquals(2L * EVENTS,
                Database.count(app, tenant,
                        "SELECT count(DISTINCT source_event_id) FROM points_ledger WHERE kind = 'AUTOMATIC'"),
                "none lost");
        assertEquals(2L * EVENTS,
                Database.count(app, tenant, "SELECT count(*) FROM points_ledger WHERE kind = 'AUTOMATIC'"),
                "none doubled");
        assertEquals(0,
                Database.count(app, tenant,
                        """
                                SELECT count(*) FROM (SELECT member_id, sum(points) AS s FROM points_ledger
                                    WHERE granted_on >= date_trunc('year', current_date) GROUP BY member_id) l
                                FULL JOIN (SELECT member_id, total FROM points_totals WHERE period_key = to_char(current_date, 'YYYY')) t
                                USING (member_id) WHERE l.s IS DISTINCT FROM t.total"""),
                "the year's totals match the ledger");
        explain(tenant, members);

        measure("a cheap request of the plugin (one task), for the API's own cost", members,
                member -> "/api/t/" + tenant + "/points/tasks?limit=1");
        measure("top 50 alone", members, member -> "/api/t/" + tenant + "/points/rankings/members?limit=50");
        measure("leaderboard (top 50 + one member's rank)", members,
                member -> "/api/t/" + tenant + "/points/rankings/members?limit=50&member=" + member);
    }

    /**
     * Sequential requests through a light client (the JDK's, one kept-alive connection), so that the figures are the
     * platform's rather than RestAssured's, which costs several milliseconds of CPU per request on these cores.
     */
    private static void measure(String what, long[] members, java.util.function.LongFunction<String> path)
            throws Exception {
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        long[] latencies = new long[LOOKUPS];
        for (int i = -50; i < LOOKUPS; i++) {
            String url = path.apply(members[ThreadLocalRandom.current().nextInt(members.length)]);
            java.net.http.HttpRequest request = java.net.http.HttpRequest
                    .newBuilder(java.net.URI.create("http://localhost:" + io.restassured.RestAssured.port + url))
                    .header("Authorization", "Bearer " + Tokens.of("platform-admin")).GET().build();
            long t0 = System.nanoTime();
            java.net.http.HttpResponse<String> response = client.send(request,
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            long elapsed = System.nanoTime() - t0;
            assertEquals(200, response.statusCode(), response.body());
            if (i >= 0) {
                latencies[i] = elapsed;
            }
        }
        Arrays.sort(latencies);
        System.out.printf("BENCH %s, %d sequential requests: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", what, LOOKUPS,
                latencies[LOOKUPS / 2] / 1e6, latencies[LOOKUPS * 99 / 100] / 1e6, latencies[LOOKUPS - 1] / 1e6);
    }

    /**
     * CPU time so far of this JVM (platform and client) and of the embedded PostgreSQL's processes, in nanoseconds: on
     * a shared machine the CPU an award costs says more than the wall clock, which waits for other people's work.
     */
    private long[] cpu() throws Exception {
        long jvm = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
        long backend = Database.count(app, "", "SELECT pg_backend_pid()");
        long postmaster = ppid(backend);
        long ticks = 0;
        try (var processes = java.nio.file.Files.list(java.nio.file.Path.of("/proc"))) {
            for (var dir : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String stat = java.nio.file.Files.readString(dir.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long pid = Long.parseLong(dir.getFileName().toString());
                    if (pid == postmaster || Long.parseLong(fields[1]) == postmaster) {
                        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    }
                } catch (java.io.IOException | RuntimeException gone) {
                    // The process ended meanwhile.
                }
            }
        }
        return new long[] { jvm, ticks * 10_000_000L };
    }

    private static long ppid(long pid) throws java.io.IOException {
        String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", Long.toString(pid), "stat"));
        return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]);
    }

    private void printCpu(long[] before, int entries) throws Exception {
        long[] after = cpu();
        double jvm = (after[0] - before[0]) / 1e6;
        double postgres = (after[1] - before[1]) / 1e6;
        System.out.printf(
                "BENCH   CPU per 1,000 entries: JVM %.0f ms, PostgreSQL %.0f ms, together %.0f ms "
                        + "(= %,.0f entries per CPU-second)%n",
                jvm * 1000 / entries, postgres * 1000 / entries, (jvm + postgres) * 1000 / entries,
                entries / ((jvm + postgres) / 1000));
    }

    private List<DomainEvent> events(String tenant, long[] members, int count) {
        List<DomainEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long member = members[ThreadLocalRandom.current().nextInt(members.length)];
            events.add(new DomainEvent(UUID.randomUUID(), StudyProbePlugin.ARTICLE_READ, tenant,
                    Instant.now().truncatedTo(ChronoUnit.MICROS),
                    objectMapper.valueToTree(Map.of("memberId", member))));
        }
        return events;
    }

    /** Delivers events through the dispatcher in batches of {@link #BATCH}, {@link #THREADS} batches at a time. */
    private void deliver(List<DomainEvent> events) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Callable<Void>> work = new ArrayList<>();
            for (int i = 0; i < events.size(); i += BATCH) {
                List<DomainEvent> batch = events.subList(i, Math.min(events.size(), i + BATCH));
                work.add(() -> {
                    dispatcher.deliverAll(batch);
                    return null;
                });
            }
            for (Future<Void> result : pool.invokeAll(work)) {
                result.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Writes events to the outbox as committed, unrelayed rows. */
    private void outbox(List<DomainEvent> events) throws SQLException {
        try (Connection connection = app.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO outbox_events (id, tenant_id, type, payload, occurred_at)
                        SELECT u.id, ?, ?, jsonb_build_object('memberId', u.member), ?
                        FROM unnest(?, ?) WITH ORDINALITY AS u (id, member, n) ORDER BY u.n""")) {
            insert.setString(1, events.get(0).tenantId());
            insert.setString(2, events.get(0).type());
            insert.setObject(3, events.get(0).occurredAt().atOffset(java.time.ZoneOffset.UTC));
            insert.setArray(4, connection.createArrayOf("uuid", events.stream().map(DomainEvent::id).toArray()));
            insert.setArray(5, connection.createArrayOf("bigint",
                    events.stream().map(e -> e.payload().get("memberId").asLong()).toArray()));
            insert.executeUpdate();
        }
    }

    /** Prints the plans of the leaderboard's queries on the seeded data. */
    private void explain(String tenant, long[] members) throws SQLException {
        String period = java.time.LocalDate.now(cloud.dangjian.plugins.points.service.PointsLedger.ZONE).toString()
                .substring(0, 7);
        long member = members[members.length / 3];
        try (Connection connection = app.getConnection()) {
            connection.setAutoCommit(false);
            run(connection, "SELECT set_config('dangjian.tenant_id', ?, true)", tenant);
            for (String sql : List.of("""
                    SELECT m.id, m.code, m.name, o.code, o.name, t.total FROM (
                        SELECT member_id, total FROM points_totals WHERE tenant_id = '%1$s' AND period_key = '%2$s'
                        ORDER BY total DESC, member_id LIMIT 50) t
                    JOIN members m ON m.tenant_id = '%1$s' AND m.id = t.member_id
                    JOIN organisations o ON o.tenant_id = m.tenant_id AND o.id = m.branch_id
                    ORDER BY t.total DESC, m.id""",
                    "SELECT total FROM points_totals WHERE tenant_id = '%1$s' AND period_key = '%2$s' AND member_id = %3$d",
                    """
                            SELECT coalesce(sum(members), 0) FROM points_total_counts
                            WHERE tenant_id = '%1$s' AND period_key = '%2$s' AND total > 3""")) {
                try (PreparedStatement statement = connection
                        .prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + sql.formatted(tenant, period, member));
                        ResultSet rs = statement.executeQuery()) {
                    StringBuilder plan = new StringBuilder();
                    while (rs.next()) {
                        plan.append("\n    ").append(rs.getString(1));
                    }
                    System.out.printf("BENCH plan of %s:%s%n", sql.lines().findFirst().orElse(sql), plan);
                }
            }
            connection.rollback();
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
