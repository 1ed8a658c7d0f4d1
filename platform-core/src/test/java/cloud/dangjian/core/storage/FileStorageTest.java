package cloud.dangjian.core.storage;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.dangjian.core.testing.Fixtures;
import cloud.dangjian.core.testing.S3ProxyResource;
import cloud.dangjian.core.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** Files through presigned URLs on a real S3 server (s3proxy), with plain HTTP as a browser would send it. */
@QuarkusTest
class FileStorageTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String PROBLEM = "application/problem+json";

    @Test
    void shouldRoundTripAFileThroughPresignedUrls() throws Exception {
        String tenant = Fixtures.tenant(Fixtures.region(), 10);
        byte[] content = "%PDF-1.7 党课课件 第一讲\n".repeat(500).getBytes(StandardCharsets.UTF_8);

        JsonPath upload = askToUpload(given(), tenant, "attachment", "第一讲 党课课件.pdf", "application/pdf", content.length)
                .then().statusCode(201).header("Location", containsString("/api/t/" + tenant + "/files/"))
                .body("file.status", equalTo("PENDING")).body("method", equalTo("PUT"))
                .body("headers.Content-Type", equalTo("application/pdf")).extract().jsonPath();
        String id = upload.getString("file.id");
        URI uploadUrl = URI.create(upload.getString("uploadUrl"));
        // The key is the tenant's prefix, the purpose and the file id; the client never chooses it.
        assertEquals("/dangjian-files/t/" + tenant + "/attachment/" + id, uploadUrl.getPath());

        given().get("/api/t/{tenant}/files/{id}", tenant, id).then().statusCode(409).contentType(PROBLEM).body("type",
                endsWith("/file-pending"));

        // The web shell's origin may PUT there (CORS preflight), as a browser does before a cross-origin upload.
        HttpResponse<String> preflight = HTTP.send(
                HttpRequest.newBuilder(uploadUrl).header("Origin", "http://localhost:8080")
                        .header("Access-Control-Request-Method", "PUT")
                        .header("Access-Control-Request-Headers", "content-type")
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, preflight.statusCode(), preflight.body());
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Methods").orElse("").contains("PUT"),
                preflight.headers().map().toString());

        HttpResponse<String> put = put(uploadUrl, "application/pdf", content);
        assertEquals(200, put.statusCode(), put.body());
        Path stored = storageDirectory().resolve("dangjian-files").resolve("t").resolve(tenant).resolve("attachment")
                .resolve(id);
        assertTrue(Files.isRegularFile(stored), "the object lies under the tenant's prefix: " + stored);

        given().post("/api/t/{tenant}/files/{id}/complete", tenant, id).then().statusCode(200)
                .body("status", equalTo("STORED")).body("size", equalTo(content.length))
                .body("filename", equalTo("第一讲 党课课件.pdf")).body("uploadedBy", equalTo("platform-admin"));

        String downloadUrl = given().get("/api/t/{tenant}/files/{id}", tenant, id).then().statusCode(200)
                .body("file.status", equalTo("STORED")).extract().path("downloadUrl");
        HttpResponse<byte[]> download = get(URI.create(downloadUrl));
        assertEquals(200, download.statusCode());
        assertArrayEquals(content, download.body());
        assertEquals("application/pdf", download.headers().firstValue("Content-Type").orElse(""));
        assertTrue(download.headers().firstValue("Content-Disposition").orElse("")
                .contains("filename*=UTF-8''%E7%AC%AC%E4%B8%80%E8%AE%B2%20"), download.headers().map().toString());

        given().redirects().follow(false).queryParam("redirect", true).get("/api/t/{tenant}/files/{id}", tenant, id)
                .then().statusCode(303).header("Location", startsWith("http://127.0.0.1:"));

        // A presigned URL is good for its own key only: pointed at another, its signature no longer matches.
        URI retargeted = URI.create(downloadUrl.replace("/attachment/", "/avatar/"));
        assertEquals(403, get(retargeted).statusCode());
        URI unsigned = URI.create(downloadUrl.substring(0, downloadUrl.indexOf('?')));
        assertEquals(403, get(unsigned).statusCode());
    }

    @Test
    void shouldRefuseUploadsThatBreakThePurposesPolicy() throws Exception {
        String tenant = Fixtures.tenant(Fixtures.region(), 10);

        askToUpload(given(), tenant, "attachment", "big.pdf", "application/pdf", 20L * 1024 * 1024 + 1).then()
                .statusCode(400).contentType(PROBLEM).body("field", equalTo("size"))
                .body("detail", containsString("20 MiB"));
        askToUpload(given(), tenant, "attachment", "page.html", "text/html", 100).then().statusCode(400)
                .contentType(PROBLEM).body("field", equalTo("contentType"))
                .body("detail", containsString("application/pdf"));
        askToUpload(given(), tenant, "no-such-purpose", "a.pdf", "application/pdf", 100).then().statusCode(400)
                .contentType(PROBLEM).body("field", equalTo("purpose"));
        askToUpload(given(), tenant, "attachment", "a.pdf", "not a type", 100).then().statusCode(400)
                .contentType(PROBLEM).body("field", equalTo("contentType"));
        askToUpload(given(), tenant, "attachment", "a.pdf", "application/pdf", 0).then().statusCode(400)
                .contentType(PROBLEM).body("field", equalTo("size"));

        // Declared small, uploaded large: the bytes that arrived decide, and they are deleted.
        JsonPath avatar = askToUpload(given(), tenant, "avatar", "me.png", "image/png", 1000).then().statusCode(201)
                .extract().jsonPath();
        String avatarId = avatar.getString("file.id");
        given().post("/api/t/{tenant}/files/{id}/complete", tenant, avatarId).then().statusCode(409)
                .contentType(PROBLEM).body("type", endsWith("/upload-missing"));
        byte[] tooLarge = new byte[2 * 1024 * 1024 + 1];
        Arrays.fill(tooLarge, (byte) 7);
        assertEquals(200, put(URI.create(avatar.getString("uploadUrl")), "image/png", tooLarge).statusCode());
        given().post("/api/t/{tenant}/files/{id}/complete", tenant, avatarId).then().statusCode(422)
                .contentType(PROBLEM).body("type", endsWith("/upload-refused")).body("field", equalTo("size"))
                .body("errors[0].field", equalTo("size"));
        assertFalse(Files.exists(objectPath(tenant, "avatar", avatarId)), "the refused upload was deleted");
        given().get("/api/t/{tenant}/files/{id}", tenant, avatarId).then().statusCode(409);

        // Declared a picture, sent as a web page.
        JsonPath disguised = askToUpload(given(), tenant, "avatar", "me.png", "image/png", 5).then().statusCode(201)
                .extract().jsonPath();
        String disguisedId = disguised.getString("file.id");
        assertEquals(200, put(URI.create(disguised.getString("uploadUrl")), "text/html",
                "<b>!<".getBytes(StandardCharsets.US_ASCII)).statusCode());
        given().post("/api/t/{tenant}/files/{id}/complete", tenant, disguisedId).then().statusCode(422)
                .contentType(PROBLEM).body("field", equalTo("contentType"));
        assertFalse(Files.exists(objectPath(tenant, "avatar", disguisedId)), "the refused upload was deleted");
    }

    @Test
    void shouldAnswerAnotherTenantsFileAsNotFound() throws Exception {
        String tenantA = Fixtures.tenant(Fixtures.region(), 10);
        String tenantB = Fixtures.tenant(Fixtures.region(), 10);
        String id = storedFile("platform-admin", tenantA, "attachment", "a.txt", "text/plain", "only for tenant A");

        given().get("/api/t/{tenant}/files/{id}", tenantA, id).then().statusCode(200);
        given().get("/api/t/{tenant}/files/{id}", tenantB, id).then().statusCode(404).contentType(PROBLEM).body("type",
                endsWith("/not-found"));
        given().post("/api/t/{tenant}/files/{id}/complete", tenantB, id).then().statusCode(404);
        given().get("/api/t/{tenant}/files/{id}", tenantB, "not-a-uuid").then().statusCode(400).body("field",
                equalTo("id"));

        grant(Map.of("username", "tenant-admin", "role", "TENANT_ADMIN", "tenant", tenantB));
        as("tenant-admin").get("/api/t/{tenant}/files/{id}", tenantA, id).then().statusCode(404);
    }

    @Test
    void shouldLetMembersReadFilesAndUploadOnlyWhereThePurposeAllows() throws Exception {
        String tenant = Fixtures.tenant(Fixtures.region(), 10);
        grant(Map.of("username", "member", "role", "MEMBER", "tenant", tenant));
        grant(Map.of("username", "tenant-admin", "role", "TENANT_ADMIN", "tenant", tenant));
        grant(Map.of("username", "masses", "role", "MASSES", "tenant", tenant));

        askToUpload(as("member"), tenant, "attachment", "notice.pdf", "application/pdf", 100).then().statusCode(403)
                .contentType(PROBLEM).body("detail", containsString("files:write"));
        String notice = storedFile("tenant-admin", tenant, "attachment", "notice.txt", "text/plain", "支部会议通知");
        as("member").get("/api/t/{tenant}/files/{id}", tenant, notice).then().statusCode(200);
        as("masses").get("/api/t/{tenant}/files/{id}", tenant, notice).then().statusCode(403);

        // An avatar's policy lets every reader of the tenant's files upload one.
        String avatar = storedFile("member", tenant, "avatar", "me.png", "image/png", "PNG!");
        as("member").get("/api/t/{tenant}/files/{id}", tenant, avatar).then().statusCode(200).body("file.uploadedBy",
                equalTo("member"));

        // Only its uploader (or a writer of files) completes an upload.
        JsonPath pending = askToUpload(as("tenant-admin"), tenant, "attachment", "b.txt", "text/plain", 3).then()
                .statusCode(201).extract().jsonPath();
        as("member").post("/api/t/{tenant}/files/{id}/complete", tenant, pending.getString("file.id")).then()
                .statusCode(403);
    }

    @Test
    void shouldTakePurposesFromEveryPolicyProviderPerTenant() throws Exception {
        String switchedOn = Fixtures.tenant(Fixtures.region(), 10);
        String switchedOff = Fixtures.tenant(Fixtures.region(), 10);
        ContributedUploadPolicies.ENABLED_TENANTS.add(switchedOn);

        String photo = storedFile("platform-admin", switchedOn, ContributedUploadPolicies.PURPOSE, "合影.webp",
                "image/webp", "RIFF....WEBP");
        given().get("/api/t/{tenant}/files/{id}", switchedOn, photo).then().statusCode(200).body("file.purpose",
                equalTo(ContributedUploadPolicies.PURPOSE));
        askToUpload(given(), switchedOn, ContributedUploadPolicies.PURPOSE, "a.pdf", "application/pdf", 10).then()
                .statusCode(400).body("field", equalTo("contentType"));
        askToUpload(given(), switchedOn, ContributedUploadPolicies.PURPOSE, "big.png", "image/png", 1025).then()
                .statusCode(400).body("field", equalTo("size"));
        askToUpload(given(), switchedOff, ContributedUploadPolicies.PURPOSE, "合影.png", "image/png", 10).then()
                .statusCode(400).body("field", equalTo("purpose"));
    }

    private static io.restassured.response.Response askToUpload(RequestSpecification request, String tenant,
            String purpose, String filename, String contentType, long size) {
        return request.contentType(ContentType.JSON)
                .body(Map.of("purpose", purpose, "filename", filename, "contentType", contentType, "size", size))
                .post("/api/t/{tenant}/files/uploads", tenant);
    }

    /** Uploads and completes a small file as the given caller; answers its id. */
    private static String storedFile(String username, String tenant, String purpose, String filename,
            String contentType, String text) throws Exception {
        byte[] content = text.getBytes(StandardCharsets.UTF_8);
        JsonPath upload = askToUpload(as(username), tenant, purpose, filename, contentType, content.length).then()
                .statusCode(201).extract().jsonPath();
        assertEquals(200, put(URI.create(upload.getString("uploadUrl")), contentType, content).statusCode());
        String id = upload.getString("file.id");
        as(username).post("/api/t/{tenant}/files/{id}/complete", tenant, id).then().statusCode(200);
        return id;
    }

    private static HttpResponse<String> put(URI url, String contentType, byte[] content) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(url).header("Content-Type", contentType)
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(content)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<byte[]> get(URI url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static Path storageDirectory() {
        return Path.of(ConfigProvider.getConfig().getValue(S3ProxyResource.DATA_DIRECTORY_PROPERTY, String.class));
    }

    private static Path objectPath(String tenant, String purpose, String id) {
        return storageDirectory().resolve("dangjian-files").resolve("t").resolve(tenant).resolve(purpose).resolve(id);
    }

    private static void grant(Map<String, Object> membership) {
        given().contentType(ContentType.JSON).body(membership).post("/api/admin/memberships").then().statusCode(201);
    }

    private static RequestSpecification as(String username) {
        return given().header("Authorization", "Bearer " + Tokens.of(username));
    }
}
