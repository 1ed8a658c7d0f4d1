package cloud.dangjian.core.plugin;

import static io.restassured.RestAssured.given;

import cloud.dangjian.core.plugin.noticeboard.NoticeboardPlugin;
import cloud.dangjian.core.testing.Fixtures;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.List;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/** Tenants whose plan includes plugins, and the switch, through the API. */
final class PluginTenants {

    private PluginTenants() {
    }

    static String tenantWithPlan(String region, String... plugins) {
        String id = Fixtures.unique("t");
        given().contentType(ContentType.JSON)
                .body(Map.of("id", id, "name", "租户 " + id, "type", "ENTERPRISE", "regionCode", region, "plan",
                        Map.of("plugins", List.of(plugins), "memberQuota", 100)))
                .post("/api/admin/tenants").then().statusCode(201);
        return id;
    }

    /** A tenant of a new region with the test plugin in its plan and switched on. */
    static String tenantWithNoticeboardOn() {
        String tenant = tenantWithPlan(Fixtures.region(), NoticeboardPlugin.ID);
        change(tenant, NoticeboardPlugin.ID, true, null).statusCode(200);
        return tenant;
    }

    /** Posts a notice through the test plugin's API; answers the id of the event it published. */
    static UUID postNotice(String tenant, String title) {
        return UUID.fromString(given().contentType(ContentType.JSON).body(Map.of("title", title))
                .post("/api/t/{tenant}/noticeboard/notices", tenant).then().statusCode(200).extract().path("event"));
    }

    /** The titles of the notices the test plugin's event consumer has processed. */
    static List<String> receipts(String tenant) {
        return given().get("/api/t/{tenant}/noticeboard/receipts", tenant).then().statusCode(200).extract().jsonPath()
                .getList("", String.class);
    }

    /** Waits for what asynchronous delivery makes true, failing after {@code limit}. */
    static void await(Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + limit.toSeconds() + " s");
            }
            sleep(Duration.ofMillis(100));
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static ValidatableResponse change(String tenant, String plugin, Boolean enabled, Map<String, Object> config) {
        Map<String, Object> body = new HashMap<>();
        if (enabled != null) {
            body.put("enabled", enabled);
        }
        if (config != null) {
            body.put("config", config);
        }
        return given().contentType(ContentType.JSON).body(body).put("/api/t/{tenant}/plugins/{plugin}", tenant, plugin)
                .then();
    }
}
