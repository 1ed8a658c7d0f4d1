package cloud.dangjian.core.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Readiness follows the realm's discovery document: up while it answers 200, down otherwise. A unit test of the probe:
 * the real realm is checked by platform-app's OperationsTest; here a plain HTTP server gives the answers a real
 * Keycloak cannot be made to give on demand (404, nothing listening).
 */
class KeycloakReadinessCheckTest {

    private HttpServer keycloak;
    private final AtomicInteger status = new AtomicInteger(200);
    private final AtomicInteger calls = new AtomicInteger();

    @BeforeEach
    void startFakeRealm() throws IOException {
        keycloak = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        keycloak.createContext("/realms/dangjian/.well-known/openid-configuration", exchange -> {
            calls.incrementAndGet();
            exchange.sendResponseHeaders(status.get(), -1);
            exchange.close();
        });
        keycloak.start();
    }

    @AfterEach
    void stopFakeRealm() {
        keycloak.stop(0);
    }

    @Test
    void shouldBeReadyWhileTheRealmAnswersAndKeepTheAnswerBriefly() {
        KeycloakReadinessCheck check = check(
                "http://127.0.0.1:" + keycloak.getAddress().getPort() + "/realms/dangjian/");
        assertEquals(Status.UP, check.call().getStatus());
        assertEquals(Status.UP, check.call().getStatus());
        assertEquals(1, calls.get(), "a second probe within seconds does not reach Keycloak again");
    }

    @Test
    void shouldNotBeReadyWhenTheRealmAnswersAnythingButOk() {
        status.set(404);
        KeycloakReadinessCheck check = check(
                "http://127.0.0.1:" + keycloak.getAddress().getPort() + "/realms/dangjian");
        assertEquals(Status.DOWN, check.call().getStatus());
    }

    @Test
    void shouldNotBeReadyWhenKeycloakCannotBeReachedOrIsNotConfigured() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        assertEquals(Status.DOWN, check("http://127.0.0.1:" + closed + "/realms/dangjian").call().getStatus());
        KeycloakReadinessCheck unconfigured = new KeycloakReadinessCheck();
        unconfigured.realmUrl = Optional.empty();
        unconfigured.enabled = true;
        assertEquals(Status.DOWN, unconfigured.call().getStatus());
    }

    @Test
    void shouldReportReadyWithoutCheckingWhenTurnedOff() {
        KeycloakReadinessCheck check = check("http://127.0.0.1:1/realms/dangjian");
        check.enabled = false;
        assertEquals(Status.UP, check.call().getStatus());
    }

    private static KeycloakReadinessCheck check(String realmUrl) {
        KeycloakReadinessCheck check = new KeycloakReadinessCheck();
        check.realmUrl = Optional.of(realmUrl);
        check.enabled = true;
        return check;
    }
}
