package cloud.dangjian.app.operations;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What an operator relies on in production: probes, request and tenant ids in the logs, Prometheus metrics. */
@QuarkusTest
class OperationsTest {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Test
    void shouldReportEachProbeWithTheChecksBehindIt() {
        given().noFilters().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().noFilters().get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem("Start-up tasks"));
        given().noFilters().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem("Keycloak realm"))
                .body("checks.find { it.name == 'Keycloak realm' }.data.status", equalTo(200))
                .body("checks.find { it.name.startsWith('Database') }.status", equalTo("UP"))
                .body("checks.find { it.name.startsWith('Database') }.data.'<default>'", equalTo("UP"))
                .body("checks.find { it.name.startsWith('Database') }.data.migration", nullValue());
    }

    @Test
    void shouldPutTheTenantAndTheRequestIdIntoTheLogContextOfATenantRequest() {
        given().header("X-Request-Id", "ingress-4f1c2a9e").get("/api/t/zjg-shagang-steel/log-context-probe").then()
                .statusCode(200).header("X-Request-Id", equalTo("ingress-4f1c2a9e"))
                .body("tenantId", equalTo("zjg-shagang-steel")).body("requestId", equalTo("ingress-4f1c2a9e"))
                .body("thread", not(startsWith("vert.x-eventloop")));
    }

    @Test
    void shouldReplaceAMissingOrMalformedRequestIdWithAGeneratedOne() {
        given().get("/api/t/zjg-shagang-steel/log-context-probe").then().statusCode(200)
                .header("X-Request-Id", matchesPattern(UUID)).body("requestId", matchesPattern(UUID));
        given().header("X-Request-Id", "bad id\" injected").get("/api/t/zjg-shagang-steel/log-context-probe").then()
                .statusCode(200).header("X-Request-Id", matchesPattern(UUID)).body("requestId", matchesPattern(UUID));
        given().noFilters().get("/q/health/live").then().header("X-Request-Id", matchesPattern(UUID));
    }

    @Test
    void shouldExposeHttpMetricsPerRouteTemplateNotPerUrl() {
        given().get("/api/t/zjg-shagang-steel/members?size=1").then().statusCode(200);
        given().get("/api/t/zjg-jingang-community/members?size=1").then().statusCode(200);
        String metrics = given().noFilters().get("/q/metrics").then().statusCode(200).extract().asString();
        List<String> requests = metrics.lines().filter(line -> line.startsWith("http_server_requests_seconds_count"))
                .toList();
        assertTrue(requests.stream().anyMatch(line -> line.contains("uri=\"/api/t/{tenant}/members\"")),
                requests.toString());
        assertFalse(requests.stream().anyMatch(line -> line.contains("zjg-")), requests.toString());
        assertFalse(requests.stream().anyMatch(line -> line.contains("uri=\"/q/")), requests.toString());
        assertTrue(metrics.contains("jvm_memory_used_bytes"), "JVM metrics are exported");
    }
}
