package cloud.dangjian.core.plugin;

import static cloud.dangjian.core.plugin.PluginTenants.change;
import static cloud.dangjian.core.plugin.PluginTenants.tenantWithPlan;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import cloud.dangjian.core.plugin.noticeboard.NoticeboardPlugin;
import cloud.dangjian.core.testing.Fixtures;
import cloud.dangjian.core.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RegionPluginDefaultsTest {

    @Test
    void shouldLayerRegionDefaultsUnderTheTenantsOwnSettings() {
        String city = Fixtures.region();
        String area = childRegion(city);
        String tenant = tenantWithPlan(area, NoticeboardPlugin.ID);

        setDefaults(city, Map.of("title", "市级公告", "maxPinned", 2, "maxAttachmentBytes", 2048)).statusCode(200)
                .body("effective.title", equalTo("市级公告"));
        setDefaults(area, Map.of("maxPinned", 5)).statusCode(200).body("effective.title", equalTo("市级公告"))
                .body("effective.maxPinned", equalTo(5)).body("own", equalTo(Map.of("maxPinned", 5)));

        change(tenant, NoticeboardPlugin.ID, true, Map.of("title", "沙钢公告")).statusCode(200)
                .body("config.title", equalTo("沙钢公告")).body("config.maxPinned", equalTo(5))
                .body("config.maxAttachmentBytes", equalTo(2048)).body("inherited.title", equalTo("市级公告"));
        given().get("/api/t/{tenant}/noticeboard/settings", tenant).then().statusCode(200)
                .body("title", equalTo("沙钢公告")).body("maxPinned", equalTo(5)).body("maxAttachmentBytes", equalTo(2048));

        // A region's new defaults reach the tenant at once, where the tenant did not override them.
        setDefaults(area, Map.of("maxPinned", 7)).statusCode(200);
        given().get("/api/t/{tenant}/noticeboard/settings", tenant).then().statusCode(200).body("maxPinned", equalTo(7))
                .body("title", equalTo("沙钢公告"));
    }

    @Test
    void shouldRefuseRegionSettingsThatDoNotValidate() {
        String city = Fixtures.region();
        setDefaults(city, Map.of("maxAttachmentBytes", -1)).statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("config.maxAttachmentBytes"));
        setDefaults(city, Map.of("nonsense", 1)).statusCode(400).body("field", equalTo("config.nonsense"));
        given().get("/api/admin/regions/{region}/plugins/noticeboard", city).then().statusCode(200).body("own",
                equalTo(Map.of()));
    }

    @Test
    void shouldKeepRegionAdministratorsToTheirOwnRegions() {
        String mine = Fixtures.region();
        String elsewhere = Fixtures.region();
        given().contentType(ContentType.JSON)
                .body(Map.of("username", "region-admin", "role", "REGION_ADMIN", "regionCode", mine))
                .post("/api/admin/memberships").then().statusCode(201);

        given().header("Authorization", "Bearer " + Tokens.of("region-admin")).contentType(ContentType.JSON)
                .body(Map.of("config", Map.of("maxPinned", 1)))
                .put("/api/admin/regions/{region}/plugins/noticeboard", mine).then().statusCode(200);
        given().header("Authorization", "Bearer " + Tokens.of("region-admin")).contentType(ContentType.JSON)
                .body(Map.of("config", Map.of("maxPinned", 1)))
                .put("/api/admin/regions/{region}/plugins/noticeboard", elsewhere).then().statusCode(404);
        given().header("Authorization", "Bearer " + Tokens.of("member"))
                .get("/api/admin/regions/{region}/plugins", mine).then().statusCode(403);
    }

    private static String childRegion(String parent) {
        String code = Fixtures.unique("r");
        given().contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", "片区 " + code, "level", "AREA", "parentCode", parent))
                .post("/api/admin/regions").then().statusCode(201);
        return code;
    }

    private static io.restassured.response.ValidatableResponse setDefaults(String region, Map<String, Object> config) {
        return given().contentType(ContentType.JSON).body(Map.of("config", config))
                .put("/api/admin/regions/{region}/plugins/noticeboard", region).then();
    }
}
