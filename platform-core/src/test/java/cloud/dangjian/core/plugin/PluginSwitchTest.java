package cloud.dangjian.core.plugin;

import static cloud.dangjian.core.plugin.PluginTenants.change;
import static cloud.dangjian.core.plugin.PluginTenants.tenantWithPlan;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cloud.dangjian.core.plugin.noticeboard.NoticeboardPlugin;
import cloud.dangjian.core.testing.Fixtures;
import cloud.dangjian.core.testing.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PluginSwitchTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void shouldAnswerAPluginOnlyInTheTenantThatSwitchedItOn() {
        String region = Fixtures.region();
        String on = tenantWithPlan(region, NoticeboardPlugin.ID);
        String off = tenantWithPlan(region, NoticeboardPlugin.ID);

        given().get("/api/t/{tenant}/plugins", on).then().statusCode(200)
                .body("find { it.id == 'noticeboard' }.enabled", equalTo(false))
                .body("find { it.id == 'noticeboard' }.allowedByPlan", equalTo(true));
        given().get("/api/t/{tenant}/noticeboard/notices", on).then().statusCode(404);

        change(on, NoticeboardPlugin.ID, true, null).statusCode(200).body("enabled", equalTo(true)).body("config.title",
                equalTo("公告栏"));
        given().contentType(ContentType.JSON).body(Map.of("title", "三会一课通知"))
                .post("/api/t/{tenant}/noticeboard/notices", on).then().statusCode(200);

        given().get("/api/t/{tenant}/noticeboard/notices", on).then().statusCode(200).body("",
                contains("欢迎使用公告栏", "三会一课通知"));
        given().get("/api/t/{tenant}/noticeboard/notices", off).then().statusCode(404)
                .contentType("application/problem+json");

        change(on, NoticeboardPlugin.ID, false, null).statusCode(200).body("enabled", equalTo(false));
        given().get("/api/t/{tenant}/noticeboard/notices", on).then().statusCode(404);
        assertEquals(2, count("SELECT count(*) FROM noticeboard_notices WHERE tenant_id = ?", on),
                "disabling keeps the plugin's data");

        change(on, NoticeboardPlugin.ID, true, null).statusCode(200);
        given().get("/api/t/{tenant}/noticeboard/notices", on).then().statusCode(200).body("",
                contains("欢迎使用公告栏", "三会一课通知"));
        assertEquals(List.of("enabled:" + on, "disabled:" + on, "enabled:" + on),
                NoticeboardPlugin.HOOK_CALLS.stream().filter(call -> call.endsWith(on)).toList());
    }

    @Test
    void shouldAuditAndPublishEveryChange() {
        String tenant = tenantWithPlan(Fixtures.region(), NoticeboardPlugin.ID);
        change(tenant, NoticeboardPlugin.ID, true, Map.of("maxPinned", 5)).statusCode(200);
        change(tenant, NoticeboardPlugin.ID, true, Map.of("maxPinned", 6)).statusCode(200);
        change(tenant, NoticeboardPlugin.ID, false, null).statusCode(200);

        assertEquals(1, count("SELECT count(*) FROM outbox_events WHERE tenant_id = ? AND type = "
                + "'platform.plugin-enabled' AND payload->>'plugin' = 'noticeboard'", tenant));
        assertEquals(1, count("SELECT count(*) FROM outbox_events WHERE tenant_id = ? AND type = "
                + "'platform.plugin-configured' AND (payload->'overrides'->>'maxPinned')::int = 6", tenant));
        assertEquals(1, count(
                "SELECT count(*) FROM outbox_events WHERE tenant_id = ? AND type = " + "'platform.plugin-disabled'",
                tenant));
        given().get("/api/t/{tenant}/audit", tenant).then().statusCode(200).body("action",
                hasItem("PUT /api/t/" + tenant + "/plugins/noticeboard"));
        assertEquals(List.of("enabled:" + tenant, "configured:" + tenant + ":公告栏->公告栏", "disabled:" + tenant),
                NoticeboardPlugin.HOOK_CALLS.stream().filter(call -> call.contains(tenant)).toList());
    }

    @Test
    void shouldRefuseInvalidConfigurationNamingTheFieldAndKeepTheOldOne() {
        String tenant = tenantWithPlan(Fixtures.region(), NoticeboardPlugin.ID);
        change(tenant, NoticeboardPlugin.ID, true, Map.of("maxPinned", 4)).statusCode(200);

        change(tenant, NoticeboardPlugin.ID, true, Map.of("maxPinned", 99)).statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://dangjian.cloud/problems/invalid-configuration"))
                .body("field", equalTo("config.maxPinned"));
        change(tenant, NoticeboardPlugin.ID, true, Map.of("maxPinned", "many")).statusCode(400).body("field",
                equalTo("config.maxPinned"));
        change(tenant, NoticeboardPlugin.ID, true, Map.of("colour", "red")).statusCode(400).body("field",
                equalTo("config.colour"));
        change(tenant, NoticeboardPlugin.ID, true, Map.of("title", "")).statusCode(400).body("field",
                equalTo("config.title"));
        change(tenant, NoticeboardPlugin.ID, true, Map.of("maxAttachmentBytes", 10)).statusCode(400).body("field",
                equalTo("config.maxAttachmentBytes"));
        change(tenant, NoticeboardPlugin.ID, null, Map.of()).statusCode(400).body("field", equalTo("enabled"));

        given().get("/api/t/{tenant}/plugins/noticeboard", tenant).then().statusCode(200)
                .body("config.maxPinned", equalTo(4)).body("overrides", equalTo(Map.of("maxPinned", 4)));
    }

    @Test
    void shouldRefuseAFailingHookWithNothingWritten() {
        String tenant = tenantWithPlan(Fixtures.region(), NoticeboardPlugin.ID);
        change(tenant, NoticeboardPlugin.ID, true, Map.of("title", NoticeboardPlugin.REFUSED_TITLE)).statusCode(409)
                .body("field", equalTo("config.title"));
        given().get("/api/t/{tenant}/plugins/noticeboard", tenant).then().statusCode(200)
                .body("enabled", equalTo(false)).body("overrides", equalTo(Map.of()));
        assertEquals(0, count("SELECT count(*) FROM outbox_events WHERE tenant_id = ?", tenant));
    }

    @Test
    void shouldKeepAPluginOutsideTheTenantsPlanOff() {
        String tenant = tenantWithPlan(Fixtures.region());
        change(tenant, NoticeboardPlugin.ID, true, null).statusCode(403)
                .body("type", equalTo("https://dangjian.cloud/problems/plugin-not-in-plan"))
                .body("field", equalTo("enabled"));
        given().get("/api/t/{tenant}/plugins/noticeboard", tenant).then().statusCode(200)
                .body("allowedByPlan", equalTo(false)).body("enabled", equalTo(false));
        change(tenant, "no-such-plugin", true, null).statusCode(404);
    }

    @Test
    void shouldLetOnlyAdministratorsSwitchPluginsAndGrantThePluginsPermissions() {
        String tenant = tenantWithPlan(Fixtures.region(), NoticeboardPlugin.ID);
        grant(Map.of("username", "member", "role", "MEMBER", "tenant", tenant));
        grant(Map.of("username", "tenant-admin", "role", "TENANT_ADMIN", "tenant", tenant));

        as("member").get("/api/t/{tenant}/plugins", tenant).then().statusCode(200).body("id", hasItem("noticeboard"));
        as("member").contentType(ContentType.JSON).body(Map.of("enabled", true))
                .put("/api/t/{tenant}/plugins/noticeboard", tenant).then().statusCode(403);
        as("tenant-admin").contentType(ContentType.JSON).body(Map.of("enabled", true))
                .put("/api/t/{tenant}/plugins/noticeboard", tenant).then().statusCode(200);
        as("member").get("/api/t/{tenant}/noticeboard/notices", tenant).then().statusCode(200);
        as("member").contentType(ContentType.JSON).body(Map.of("title", "x"))
                .post("/api/t/{tenant}/noticeboard/notices", tenant).then().statusCode(403);

        as("tenant-admin").get("/api/me").then().statusCode(200).body(
                "memberships.find { it.tenant == '" + tenant + "' }.permissions",
                hasItems("plugins:manage", "noticeboard:post", "noticeboard:read"));
        as("member").get("/api/me").then().statusCode(200)
                .body("memberships.find { it.tenant == '" + tenant + "' }.permissions",
                        hasItems("plugins:read", "noticeboard:read"))
                .body("memberships.find { it.tenant == '" + tenant + "' }.permissions",
                        not(hasItem("noticeboard:post")));
    }

    @Test
    void shouldDescribeTheSettingsFormFromTheConfigurationRecord() {
        String tenant = tenantWithPlan(Fixtures.region(), NoticeboardPlugin.ID);
        given().get("/api/t/{tenant}/plugins/noticeboard", tenant).then().statusCode(200)
                .body("name.en", equalTo("Noticeboard")).body("name.zhCN", equalTo("公告栏"))
                .body("settings.name", contains("title", "maxPinned", "allowComments", "maxAttachmentBytes"))
                .body("settings.find { it.name == 'maxPinned' }.kind", equalTo("integer"))
                .body("settings.find { it.name == 'maxPinned' }.label.en", equalTo("Pinned notices"))
                .body("settings.find { it.name == 'maxPinned' }.constraints.Max.value", equalTo(10))
                .body("settings.find { it.name == 'maxAttachmentBytes' }.regionOnly", equalTo(true))
                .body("menu[0].path", equalTo("")).body("publishes", contains("noticeboard.notice-posted"));
    }

    private static void grant(Map<String, Object> membership) {
        given().contentType(ContentType.JSON).body(membership).post("/api/admin/memberships").then().statusCode(201);
    }

    private static RequestSpecification as(String username) {
        return given().header("Authorization", "Bearer " + Tokens.of(username));
    }

    private long count(String sql, String tenant) {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement tenantSetting = connection
                    .prepareStatement("SELECT set_config('dangjian.tenant_id', ?, false)")) {
                tenantSetting.setString(1, tenant);
                tenantSetting.execute();
            }
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setString(1, tenant);
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
