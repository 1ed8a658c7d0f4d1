package cloud.dangjian.plugins.points;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cloud.dangjian.core.event.DomainEvent;
import cloud.dangjian.core.event.service.DomainEvents;
import cloud.dangjian.core.event.service.EventDispatcher;
import cloud.dangjian.core.tenancy.context.TenantScope;
import cloud.dangjian.core.testing.Fixtures;
import cloud.dangjian.plugins.points.probe.StudyProbePlugin;
import cloud.dangjian.plugins.points.service.AutomaticPoints;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** 系统自动积分: rules naming another plugin's event type, idempotency under redelivery, caps under concurrency. */
@QuarkusTest
class AutomaticPointsTest {

    @Inject
    EventDispatcher dispatcher;

    @Inject
    AutomaticPoints consumer;

    @Inject
    DomainEvents events;

    @Inject
    TenantScope tenantScope;

    @Inject
    ObjectMapper objectMapper;

    @Inject
    AgroalDataSource app;

    @Test
    void shouldEarnPointsFromAnotherPluginsEventThroughTheOutbox() {
        PointsFixtures.Org org = PointsFixtures.tenant(PointsFixtures.probeRule(2, 0, 0));
        long member = PointsFixtures.member(org.tenant(), org.branchA());
        DomainEvent event = tenantScope.call(org.tenant(), () -> QuarkusTransaction.requiringNew()
                .call(() -> events.publish(StudyProbePlugin.ARTICLE_READ, Map.of("memberId", member))));
        await(() -> total(org.tenant(), member) == 2);
        given().get("/api/t/{tenant}/points/members/{id}/history", org.tenant(), member).then().statusCode(200)
                .body("[0].kind", equalTo("AUTOMATIC"))
                .body("[0].ruleEventType", equalTo(StudyProbePlugin.ARTICLE_READ))
                .body("[0].sourceEventId", equalTo(event.id().toString()))
                .body("[0].reason", equalTo("阅读文章 Article read"))
                .body("[0].grantedBy", equalTo("system:points.automatic"));
    }

    @Test
    void shouldEarnOnceWhenTheSameEventIsDeliveredConcurrently() throws Exception {
        PointsFixtures.Org org = PointsFixtures.tenant(PointsFixtures.probeRule(3, 0, 0));
        long member = PointsFixtures.member(org.tenant(), org.branchA());
        DomainEvent event = event(org.tenant(), member, Instant.now());

        ExecutorService pool = Executors.newFixedThreadPool(6);
        int ran = 0;
        try {
            Callable<Boolean> deliver = () -> dispatcher.processOnce(consumer, event);
            for (Future<Boolean> result : pool
                    .invokeAll(List.of(deliver, deliver, deliver, deliver, deliver, deliver))) {
                ran += result.get() ? 1 : 0;
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, ran, "one delivery ran the consumer, the others found it processed");
        // Even past the core's processed-events record (a second consumer id, a restored backup), the ledger refuses.
        tenantScope.run(org.tenant(), () -> QuarkusTransaction.requiringNew().run(() -> consumer.consume(event)));
        assertEquals(1, Database.count(app, org.tenant(),
                "SELECT count(*) FROM points_ledger WHERE source_event_id = ?", event.id()));
        assertEquals(3, total(org.tenant(), member));
    }

    @Test
    void shouldHoldDailyAndPeriodCapsUnderConcurrentEvents() throws Exception {
        // 2 points an article, at most 5 a day and 9 a month.
        PointsFixtures.Org org = PointsFixtures.tenant(PointsFixtures.probeRule(2, 5, 9));
        long member = PointsFixtures.member(org.tenant(), org.branchA());
        long other = PointsFixtures.member(org.tenant(), org.branchA());

        deliverConcurrently(org.tenant(), member, Instant.parse("2026-10-05T02:00:00Z"), 10);
        assertEquals(5, points(org.tenant(), member, "2026-10-05"), "daily cap: 2 + 2 + 1");
        // 23:30 in Beijing is still the 5th there, though the 6th has begun nowhere.
        deliverConcurrently(org.tenant(), member, Instant.parse("2026-10-05T15:30:00Z"), 2);
        assertEquals(5, points(org.tenant(), member, "2026-10-05"));
        deliverConcurrently(org.tenant(), member, Instant.parse("2026-10-06T01:00:00Z"), 10);
        assertEquals(4, points(org.tenant(), member, "2026-10-06"), "the month's cap of 9 leaves 4");
        deliverConcurrently(org.tenant(), member, Instant.parse("2026-10-20T01:00:00Z"), 3);
        assertEquals(0, points(org.tenant(), member, "2026-10-20"));
        deliverConcurrently(org.tenant(), member, Instant.parse("2026-11-02T01:00:00Z"), 1);
        deliverConcurrently(org.tenant(), other, Instant.parse("2026-10-05T02:00:00Z"), 1);

        given().get("/api/t/{tenant}/points/members/{id}?period=2026-10", org.tenant(), member).then().statusCode(200)
                .body("balance.total", equalTo(9));
        given().get("/api/t/{tenant}/points/members/{id}?period=2026-11", org.tenant(), member).then().statusCode(200)
                .body("balance.total", equalTo(2));
        given().get("/api/t/{tenant}/points/members/{id}?period=2026-10", org.tenant(), other).then().statusCode(200)
                .body("balance.total", equalTo(2));
        assertEquals(1, Database.count(app, org.tenant(),
                "SELECT count(*) FROM points_ledger WHERE member_id = ? AND reason LIKE '%(capped)'", member));
        // The per-total counts that ranks read followed every concurrent append: one member at 9, one at 2.
        assertEquals(1, Database.count(app, org.tenant(),
                "SELECT members FROM points_total_counts WHERE period_key = '2026-10' AND total = 9"));
        assertEquals(2, Database.count(app, org.tenant(),
                "SELECT sum(members) FROM points_total_counts WHERE period_key = '2026-10'"));
        assertEquals(13,
                Database.count(app, org.tenant(), "SELECT sum(total) FROM points_totals WHERE period_key = '2026-Q4'"));
    }

    @Test
    void shouldHoldCapsAcrossABatchAndEarnOnceForDuplicatesInIt() {
        // 2 points an article, at most 5 a day and 9 a month; a batch as one relay pass delivers it.
        PointsFixtures.Org org = PointsFixtures.tenant(PointsFixtures.probeRule(2, 5, 9));
        long member = PointsFixtures.member(org.tenant(), org.branchA());
        long other = PointsFixtures.member(org.tenant(), org.branchA());
        Instant fifth = Instant.parse("2026-10-05T02:00:00Z");
        DomainEvent earlier = event(org.tenant(), member, fifth);
        dispatcher.processOnce(consumer, earlier);

        List<DomainEvent> batch = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            batch.add(event(org.tenant(), member, fifth));
        }
        batch.add(earlier);
        batch.add(batch.get(0));
        for (int i = 0; i < 6; i++) {
            batch.add(event(org.tenant(), member, Instant.parse("2026-10-06T01:00:00Z")));
        }
        batch.add(event(org.tenant(), other, fifth));
        batch.add(event(org.tenant(), 999_999_999L, fifth));
        dispatcher.deliverAll(batch);

        assertEquals(5, points(org.tenant(), member, "2026-10-05"), "daily cap across the batch: 2 before, + 2 + 1");
        assertEquals(4, points(org.tenant(), member, "2026-10-06"), "the month's cap of 9 leaves 4: 2 + 2");
        assertEquals(2, points(org.tenant(), other, "2026-10-05"));
        assertEquals(6, Database.count(app, org.tenant(), "SELECT count(*) FROM points_ledger"),
                "earlier 1 + the 5th 2 + the 6th 2 + other 1; duplicates and the stranger earn nothing");
        assertEquals(1, Database.count(app, org.tenant(),
                "SELECT count(*) FROM points_ledger WHERE member_id = ? AND reason LIKE '%(capped)'", member));
        assertEquals(1, Database.count(app, org.tenant(),
                "SELECT members FROM points_total_counts WHERE period_key = '2026-10' AND total = 9"));
        assertEquals(1, Database.count(app, org.tenant(),
                "SELECT members FROM points_total_counts WHERE period_key = '2026-10' AND total = 2"));
        assertEquals(0, Database.count(app, org.tenant(),
                "SELECT coalesce(sum(members), 0) FROM points_total_counts WHERE period_key = '2026-10' AND total NOT IN (2, 9)"));
        assertEquals(11,
                Database.count(app, org.tenant(), "SELECT sum(total) FROM points_totals WHERE period_key = '2026'"));
        given().get("/api/t/{tenant}/points/verify", org.tenant()).then().statusCode(200).body("intact", equalTo(true));
    }

    @Test
    void shouldEarnOnceWhenOverlappingBatchesAreDeliveredConcurrently() throws Exception {
        PointsFixtures.Org org = PointsFixtures.tenant(PointsFixtures.probeRule(1, 0, 0));
        List<Long> members = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            members.add(PointsFixtures.member(org.tenant(), org.branchA()));
        }
        List<DomainEvent> events = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            events.add(event(org.tenant(), members.get(i % members.size()), Instant.now()));
        }
        List<Callable<Void>> deliveries = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            List<DomainEvent> batch = new ArrayList<>(events.subList(0, 40 + i * 4));
            java.util.Collections.shuffle(batch);
            deliveries.add(() -> {
                dispatcher.deliverAll(batch);
                return null;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            for (Future<Void> result : pool.invokeAll(deliveries)) {
                result.get();
            }
        } finally {
            pool.shutdownNow();
        }
        dispatcher.deliverAll(events);
        assertEquals(60, Database.count(app, org.tenant(), "SELECT count(*) FROM points_ledger"));
        assertEquals(60,
                Database.count(app, org.tenant(), "SELECT count(DISTINCT source_event_id) FROM points_ledger"));
        assertEquals(60, Database.count(app, org.tenant(),
                "SELECT count(*) FROM processed_events WHERE consumer_id = 'points.automatic'"));
        assertEquals(60, Database.count(app, org.tenant(),
                "SELECT sum(total) FROM points_totals WHERE period_key = to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYY')"));
        assertEquals(5, Database.count(app, org.tenant(),
                "SELECT sum(members) FROM points_total_counts WHERE period_key = to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYY')"));
        given().get("/api/t/{tenant}/points/verify", org.tenant()).then().statusCode(200).body("intact", equalTo(true));
    }

    @Test
    void shouldTakeRulesFromTheRegionUnlessTheTenantSetsItsOwn() {
        String region = Fixtures.region();
        given().contentType(ContentType.JSON).body(Map.of("config", PointsFixtures.probeRule(4, 0, 0)))
                .put("/api/admin/regions/{region}/plugins/points", region).then().statusCode(200);
        PointsFixtures.Org inherits = PointsFixtures.tenantIn(region, null);
        PointsFixtures.Org own = PointsFixtures.tenantIn(region, PointsFixtures.probeRule(1, 0, 0));
        long a = PointsFixtures.member(inherits.tenant(), inherits.branchA());
        long b = PointsFixtures.member(own.tenant(), own.branchA());
        dispatcher.processOnce(consumer, event(inherits.tenant(), a, Instant.now()));
        dispatcher.processOnce(consumer, event(own.tenant(), b, Instant.now()));
        assertEquals(4, total(inherits.tenant(), a));
        assertEquals(1, total(own.tenant(), b));
    }

    @Test
    void shouldRefuseRulesThatCouldNeverFireOrMakeNoSense() {
        PointsFixtures.Org org = PointsFixtures.tenant(null);
        Map<String, Object> unheard = Map.of("rules",
                List.of(Map.of("eventType", "nobody.publishes-this", "points", 1, "dailyCap", 0, "periodCap", 0)));
        PointsFixtures.switchPoints(org.tenant(), true, unheard).statusCode(409).contentType("application/problem+json")
                .body("field", equalTo("config.rules[0].eventType"));
        Map<String, Object> absurd = Map.of("rules", List
                .of(Map.of("eventType", StudyProbePlugin.ARTICLE_READ, "points", 5000, "dailyCap", 0, "periodCap", 0)));
        PointsFixtures.switchPoints(org.tenant(), true, absurd).statusCode(400).body("field",
                equalTo("config.rules[0].points"));
        PointsFixtures.switchPoints(org.tenant(), true, Map.of("appraisalPeriod", "WEEK")).statusCode(400).body("field",
                equalTo("config.appraisalPeriod"));
        PointsFixtures.switchPoints(org.tenant(), true, Map.of("maxAwardPoints", 0)).statusCode(400).body("field",
                equalTo("config.maxAwardPoints"));
        given().get("/api/t/{tenant}/plugins", org.tenant()).then().statusCode(200)
                .body("find { it.id == 'points' }.config.rules.size()", equalTo(4));
    }

    private void deliverConcurrently(String tenant, long member, Instant occurredAt, int count) throws Exception {
        List<Callable<Boolean>> deliveries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            DomainEvent event = event(tenant, member, occurredAt);
            deliveries.add(() -> dispatcher.processOnce(consumer, event));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (Future<Boolean> result : pool.invokeAll(deliveries)) {
                result.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private DomainEvent event(String tenant, long member, Instant occurredAt) {
        return new DomainEvent(UUID.randomUUID(), StudyProbePlugin.ARTICLE_READ, tenant, occurredAt,
                objectMapper.valueToTree(Map.of("memberId", member)));
    }

    private long points(String tenant, long member, String day) {
        return Database.count(app, tenant,
                "SELECT coalesce(sum(points), 0) FROM points_ledger WHERE member_id = ? AND granted_on = CAST(? AS date)",
                member, day);
    }

    private long total(String tenant, long member) {
        return Database.count(app, tenant, "SELECT coalesce(sum(points), 0) FROM points_ledger WHERE member_id = ?",
                member);
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 20 s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
