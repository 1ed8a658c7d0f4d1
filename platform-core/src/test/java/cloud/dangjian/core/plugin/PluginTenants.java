package cloud.dangjian.core.plugin;

import static io.restassured.RestAssured.given;

import cloud.dangjian.core.testing.Fixtures;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
