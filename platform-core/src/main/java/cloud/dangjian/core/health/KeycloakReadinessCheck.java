package cloud.dangjian.core.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the realm's Keycloak answers: without it no caller can sign in, and a node that cannot reach it (a
 * network policy, a DNS fault) should get no traffic. The answer is kept a few seconds so that probes from many sources
 * do not turn into load on Keycloak. {@code dangjian.health.keycloak.enabled=false} turns the check off, for an
 * operator who prefers nodes to keep serving already signed-in callers while Keycloak is down.
 */
@Readiness
@ApplicationScoped
public class KeycloakReadinessCheck implements HealthCheck {

    static final String NAME = "Keycloak realm";
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final Duration KEEP = Duration.ofSeconds(5);

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    Optional<String> realmUrl;

    @ConfigProperty(name = "dangjian.health.keycloak.enabled", defaultValue = "true")
    boolean enabled;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final Clock clock = Clock.systemUTC();
    private volatile HealthCheckResponse last;
    private volatile Instant lastAt = Instant.MIN;

    @Override
    public HealthCheckResponse call() {
        if (!enabled) {
            return HealthCheckResponse.named(NAME).up().withData("checked", false).build();
        }
        Instant now = clock.instant();
        HealthCheckResponse cached = last;
        if (cached != null && lastAt.plus(KEEP).isAfter(now)) {
            return cached;
        }
        HealthCheckResponse response = probe();
        last = response;
        lastAt = now;
        return response;
    }

    private HealthCheckResponse probe() {
        if (realmUrl.isEmpty()) {
            return HealthCheckResponse.named(NAME).down().withData("error", "quarkus.oidc.auth-server-url is not set")
                    .build();
        }
        String discovery = realmUrl.get().replaceAll("/+$", "") + "/.well-known/openid-configuration";
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(discovery)).timeout(TIMEOUT).GET().build();
            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return HealthCheckResponse.named(NAME).status(status == 200).withData("url", discovery)
                    .withData("status", status).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HealthCheckResponse.named(NAME).down().withData("url", discovery).withData("error", "interrupted")
                    .build();
        } catch (Exception e) {
            return HealthCheckResponse.named(NAME).down().withData("url", discovery)
                    .withData("error", e.getClass().getSimpleName() + ": " + e.getMessage()).build();
        }
    }
}
