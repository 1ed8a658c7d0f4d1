package cloud.dangjian.core.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;

/** Real access tokens from the test Keycloak, through the password grant of the demo realm's CLI client. */
public final class Tokens {

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private record Cached(String token, long fetchedAt) {
    }

    private Tokens() {
    }

    /** A token for a demo user (password {@code demo}), reused for a minute. */
    public static String of(String username) {
        Cached cached = CACHE.get(username);
        if (cached != null && System.currentTimeMillis() - cached.fetchedAt() < 60_000) {
            return cached.token();
        }
        String token = fetch("dangjian-cli", username);
        CACHE.put(username, new Cached(token, System.currentTimeMillis()));
        return token;
    }

    /** A token from a client whose tokens live two seconds. */
    public static String shortLived(String username) {
        return fetch("dangjian-cli-short", username);
    }

    /** The token endpoint's answer, for tests of refused sign-ins. */
    public static HttpResponse<String> request(String client, String username, String password) {
        return requestIn(null, client, username, password);
    }

    /** The token endpoint's answer in another realm of the same Keycloak (null: the platform's). */
    public static HttpResponse<String> requestIn(String realm, String client, String username, String password) {
        String realmUrl = realm == null ? realmUrl() : realmUrl().replaceAll("/realms/[^/]+$", "/realms/" + realm);
        String form = "grant_type=password&client_id=" + client + "&username=" + encode(username) + "&password="
                + encode(password);
        HttpRequest request = HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("Keycloak's token endpoint did not answer", e);
        }
    }

    public static String realmUrl() {
        return ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class);
    }

    private static String fetch(String client, String username) {
        HttpResponse<String> response = request(client, username, "demo");
        Matcher matcher = ACCESS_TOKEN.matcher(response.body());
        if (response.statusCode() != 200 || !matcher.find()) {
            throw new IllegalStateException("No token for " + username + ": " + response.body());
        }
        return matcher.group(1);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
