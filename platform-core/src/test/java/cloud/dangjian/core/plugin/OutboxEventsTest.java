package cloud.dangjian.core.plugin;

import static cloud.dangjian.core.plugin.PluginTenants.postNotice;
import static cloud.dangjian.core.plugin.PluginTenants.receipts;
import static cloud.dangjian.core.plugin.PluginTenants.sleep;
import static cloud.dangjian.core.plugin.PluginTenants.tenantWithNoticeboardOn;
import static cloud.dangjian.core.plugin.PluginTenants.tenantWithPlan;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.dangjian.core.event.DomainEvent;
import cloud.dangjian.core.event.service.DomainEvents;
import cloud.dangjian.core.event.service.EventDispatcher;
import cloud.dangjian.core.event.service.OutboxRelay;
import cloud.dangjian.core.plugin.noticeboard.NoticeReceiptConsumer;
import cloud.dangjian.core.plugin.noticeboard.NoticeboardPlugin;
import cloud.dangjian.core.tenancy.context.TenantScope;
import cloud.dangjian.core.testing.Fixtures;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OutboxEventsTest {

    @Inject
    OutboxRelay relay;

    @Inject
    EventDispatcher dispatcher;

    @Inject
    DomainEvents events;

    @Inject
    TenantScope tenantScope;

    @Inject
    NoticeReceiptConsumer consumer;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    com.fasterxml.jackson.databind.ObjectMapper objectMapper;

    @Inject
    io.micrometer.core.instrument.MeterRegistry meters;

    @Test
    void shouldLoseNothingWhenTheNodeStopsBetweenCommitAndRelay() {
        String tenant = tenantWithNoticeboardOn();
        relay.pause();
        UUID event;
        try {
            event = postNotice(tenant, "停电前的通知");
            sleep(Duration.ofMillis(1500));
            assertEquals(1, count("SELECT count(*) FROM outbox_events WHERE id = ? AND published_at IS NULL", event),
                    "committed with the change, not yet relayed");
            given().get("/api/t/{tenant}/noticeboard/receipts", tenant).then().body("", empty());
        } finally {
            relay.resume();
        }
        await(() -> receipts(tenant).equals(List.of("停电前的通知")));
        await(() -> count("SELECT count(*) FROM outbox_events WHERE id = ? AND published_at IS NOT NULL", event) == 1);

        // The relay dies after the consumers had the batch but before marking it: it is sent again, and ignored.
        execute("UPDATE outbox_events SET published_at = NULL WHERE id = ?", event);
        relay.resume();
        await(() -> count("SELECT count(*) FROM outbox_events WHERE id = ? AND published_at IS NOT NULL", event) == 1);
        assertEquals(List.of("停电前的通知"), receipts(tenant), "processed once however often delivered");
        assertTrue(meters.counter("dangjian.events.relayed", "transport", "in-process").count() >= 2);
    }

    @Test
    void shouldProcessAnEventOnceUnderConcurrentRedelivery() throws Exception {
        String tenant = tenantWithNoticeboardOn();
        DomainEvent event = tenantScope.call(tenant, () -> QuarkusTransaction.requiringNew()
                .call(() -> events.publish(NoticeboardPlugin.NOTICE_POSTED, Map.of("title", "并发通知"))));
        await(() -> receipts(tenant).size() == 1);

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Callable<Boolean> redeliver = () -> dispatcher.processOnce(consumer, event);
            List<Future<Boolean>> results = pool.invokeAll(List.of(redeliver, redeliver, redeliver, redeliver));
            for (Future<Boolean> result : results) {
                assertEquals(false, result.get(), "already processed by the relay's delivery");
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of("并发通知"), receipts(tenant));
    }

    @Test
    void shouldParkAPoisonEventAfterRetriesAndResolveItOnAnAdministratorsRetry() {
        String tenant = tenantWithNoticeboardOn();
        NoticeReceiptConsumer.CURED.set(false);
        UUID event = postNotice(tenant, "poison 通知");
        await(() -> given().get("/api/admin/events/parked").then().extract().jsonPath()
                .getList("event.id", String.class).contains(event.toString()));
        given().get("/api/admin/events/parked").then().statusCode(200)
                .body("find { it.event.id == '" + event + "' }.attempts", equalTo(4))
                .body("find { it.event.id == '" + event + "' }.consumerId", equalTo("noticeboard.receipts"))
                .body("find { it.event.id == '" + event + "' }.error",
                        equalTo("IllegalStateException: cannot digest poison 通知"));
        assertEquals(List.of(), receipts(tenant), "a failed attempt leaves nothing behind");
        assertTrue(meters.counter("dangjian.events.parked", "consumer", "noticeboard.receipts").count() >= 1);
        // The poison event did not hold up the ones behind it.
        postNotice(tenant, "正常通知");
        await(() -> receipts(tenant).equals(List.of("正常通知")));

        long parkedId = given().get("/api/admin/events/parked").then().extract().jsonPath()
                .getLong("find { it.event.id == '" + event + "' }.id");
        given().post("/api/admin/events/parked/{id}/retry", parkedId).then().statusCode(409).body("type",
                equalTo("https://dangjian.cloud/problems/event-retry-failed"));
        NoticeReceiptConsumer.CURED.set(true);
        try {
            given().post("/api/admin/events/parked/{id}/retry", parkedId).then().statusCode(200).body("resolvedAt",
                    org.hamcrest.Matchers.notNullValue());
        } finally {
            NoticeReceiptConsumer.CURED.set(false);
        }
        assertEquals(List.of("poison 通知", "正常通知"), receipts(tenant));
        given().get("/api/admin/events/parked").then().body("event.id",
                org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(event.toString())));
    }

    @Test
    void shouldParkOnlyThePoisonEventOfABatchAndProcessADuplicateInItOnce() {
        String tenant = tenantWithNoticeboardOn();
        NoticeReceiptConsumer.CURED.set(false);
        DomainEvent first = notice(tenant, "批内第一");
        DomainEvent poison = notice(tenant, "poison 批内");
        DomainEvent last = notice(tenant, "批内最后");
        dispatcher.deliverAll(List.of(first, poison, first, last, first));

        assertEquals(List.of("批内最后", "批内第一"), receipts(tenant).stream().sorted().toList(),
                "the rest of the batch was processed, the duplicate once");
        assertEquals(2, count(
                "SELECT count(*) FROM processed_events WHERE tenant_id = ? AND consumer_id = 'noticeboard.receipts'",
                tenant));
        given().get("/api/admin/events/parked").then().statusCode(200)
                .body("find { it.event.id == '" + poison.id() + "' }.attempts", equalTo(4))
                .body("findAll { it.event.id == '" + first.id() + "' || it.event.id == '" + last.id() + "' }", empty());

        // Delivered again as a batch (a relay that died before marking it): nothing is processed twice.
        NoticeReceiptConsumer.CURED.set(true);
        try {
            dispatcher.deliverAll(List.of(last, first));
        } finally {
            NoticeReceiptConsumer.CURED.set(false);
        }
        assertEquals(List.of("批内最后", "批内第一"), receipts(tenant).stream().sorted().toList());
    }

    private DomainEvent notice(String tenant, String title) {
        return new DomainEvent(UUID.randomUUID(), NoticeboardPlugin.NOTICE_POSTED, tenant,
                java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS),
                objectMapper.valueToTree(Map.of("title", title)));
    }

    @Test
    void shouldNotDeliverToAPluginSwitchedOffInTheEventsTenant() {
        String on = tenantWithNoticeboardOn();
        String off = tenantWithPlan(Fixtures.region(), NoticeboardPlugin.ID);
        tenantScope.run(off, () -> QuarkusTransaction.requiringNew()
                .run(() -> events.publish(NoticeboardPlugin.NOTICE_POSTED, Map.of("title", "无人接收"))));
        postNotice(on, "有人接收");
        await(() -> receipts(on).size() == 1);
        relay.relayPending();
        assertEquals(0, count("SELECT count(*) FROM noticeboard_receipts WHERE tenant_id = ?", off));
    }

    @Test
    void shouldRefuseAnEventTypeThePluginDoesNotDeclare() {
        String tenant = tenantWithNoticeboardOn();
        IllegalArgumentException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> tenantScope.run(tenant, () -> QuarkusTransaction.requiringNew()
                        .run(() -> events.publish("noticeboard.undeclared", Map.of()))));
        assertTrue(refused.getMessage().contains("publishes()"));
    }

    private static void await(BooleanSupplier condition) {
        PluginTenants.await(Duration.ofSeconds(20), condition);
    }

    private long count(String sql, Object parameter) {
        try (Connection connection = dataSource.getConnection()) {
            if (parameter instanceof String tenant) {
                setTenant(connection, tenant);
            }
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setObject(1, parameter);
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void execute(String sql, Object parameter) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, parameter);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void setTenant(Connection connection, String tenant) throws SQLException {
        try (PreparedStatement statement = connection
                .prepareStatement("SELECT set_config('dangjian.tenant_id', ?, false)")) {
            statement.setString(1, tenant);
            statement.execute();
        }
    }
}
