package cloud.dangjian.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The platform administrator's access token from the demo realm (password grant of the CLI client), fetched again
 * before it expires, so the harness measures the API exactly as a signed-in client uses it.
 */
final class BearerToken {

    /** Keycloak's tokens live five minutes in the demo realm; renew well before. */
    private static final Duration RENEW_AFTER = Duration.ofMinutes(4);
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private final URI tokenEndpoint;
    private final HttpClient http;
    private volatile String token;
    private volatile long fetchedAt;

    BearerToken(URI realm, HttpClient http) {
        this.tokenEndpoint = URI.create(realm + "/protocol/openid-connect/token");
        this.http = http;
    }

    String value() throws IOException, InterruptedException {
        if (token == null || System.nanoTime() - fetchedAt > RENEW_AFTER.toNanos()) {
            synchronized (this) {
                if (token == null || System.nanoTime() - fetchedAt > RENEW_AFTER.toNanos()) {
                    token = fetch();
                    fetchedAt = System.nanoTime();
                }
            }
        }
        return token;
    }

    private String fetch() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(tokenEndpoint)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers
                        .ofString("grant_type=password&client_id=dangjian-cli&username=platform-admin&password=demo"))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        Matcher matcher = ACCESS_TOKEN.matcher(response.body());
        if (response.statusCode() != 200 || !matcher.find()) {
            throw new IOException(
                    "Keycloak refused the platform-admin token (" + response.statusCode() + "): " + response.body());
        }
        return matcher.group(1);
    }
}
