package cloud.dangjian.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/** Talks HTTP to the platform under test: the admin calls that set up data, imports, and member searches. */
final class PlatformClient {

    /** Generous for one search or page, yet short enough that a stuck server ends a phase instead of hanging it. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** The platform allows an import transaction 30 minutes; the upload waits as long. */
    private static final Duration IMPORT_TIMEOUT = Duration.ofMinutes(30);

    private final String base;
    private final HttpClient http;
    private final BearerToken token;

    PlatformClient(URI base) {
        String text = base.toString();
        this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        // HTTP/1.1 with pooled keep-alive connections, as browsers and proxies talk to it; the JDK's default would
        // first try an h2c upgrade, which measures the upgrade rather than the platform.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .build();
        // The embedded default's Keycloak; DANGJIAN_BENCH_REALM points elsewhere.
        String realm = System.getenv().getOrDefault("DANGJIAN_BENCH_REALM", "http://127.0.0.1:8180/realms/dangjian");
        this.token = new BearerToken(URI.create(realm), http);
    }

    String base() {
        return base;
    }

    /** Whether the platform says it is ready; a refused connection is simply "not ready". */
    boolean isReady() throws InterruptedException {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).timeout(REQUEST_TIMEOUT)
                    .GET().build();
            return send(request, "GET /q/health/ready").is(200);
        } catch (IOException e) {
            return false;
        }
    }

    Reply get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json").GET().build();
        return send(request, "GET " + path);
    }

    Reply postJson(String path, String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
        return send(request, "POST " + path);
    }

    /** Uploads a CSV file as the raw body, streamed from disk so a large file is not held in memory twice. */
    Reply postCsv(String path, Path file) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(IMPORT_TIMEOUT)
                .header("Content-Type", "text/csv").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofFile(file)).build();
        return send(request, "POST " + path);
    }

    /** The path of one slice of a tenant's member search; {@code namePrefix} and {@code after} may be null. */
    static String membersPath(String tenant, String namePrefix, String after, int size) {
        StringBuilder path = new StringBuilder("/api/t/").append(tenant).append("/members?size=").append(size);
        if (namePrefix != null) {
            path.append("&name=").append(encode(namePrefix));
        }
        if (after != null) {
            path.append("&after=").append(encode(after));
        }
        return path.toString();
    }

    private Reply send(HttpRequest request, String description) throws IOException, InterruptedException {
        if (!request.uri().getPath().startsWith("/q/")) {
            request = HttpRequest.newBuilder(request, (name, value) -> true)
                    .header("Authorization", "Bearer " + token.value()).build();
        }
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Reply(description, response.statusCode(), response.body());
    }

    private static String encode(String value) {
        // URLEncoder encodes for forms, where a space is '+'; a query string wants %20.
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
