package cloud.dangjian.core.storage.embedded;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.errors.ErrorResponseException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded S3 server keeps objects in a folder that survives a restart, and checks every signature. */
class EmbeddedObjectStoreTest {

    @TempDir
    Path folder;

    @Test
    void shouldKeepObjectsAcrossARestartOnTheSameFolder() throws Exception {
        byte[] content = "支部活动照片".getBytes(StandardCharsets.UTF_8);
        try (EmbeddedObjectStore first = EmbeddedObjectStore.start(folder, 0, "access", "secret-1")) {
            MinioClient client = client(first, "secret-1");
            client.makeBucket(MakeBucketArgs.builder().bucket("kept").build());
            client.putObject(PutObjectArgs.builder().bucket("kept").object("t/a/photo/1")
                    .stream(new ByteArrayInputStream(content), content.length, -1).contentType("image/jpeg").build());
        }
        try (EmbeddedObjectStore second = EmbeddedObjectStore.start(folder, 0, "access", "secret-1")) {
            MinioClient client = client(second, "secret-1");
            try (InputStream in = client
                    .getObject(GetObjectArgs.builder().bucket("kept").object("t/a/photo/1").build())) {
                assertArrayEquals(content, in.readAllBytes());
            }
        }
        assertEquals(true, Files.isRegularFile(folder.resolve("kept/t/a/photo/1")));
    }

    @Test
    void shouldRefuseAnonymousAndWronglySignedRequests() throws Exception {
        try (EmbeddedObjectStore store = EmbeddedObjectStore.start(folder, 0, "access", "secret-2")) {
            MinioClient owner = client(store, "secret-2");
            owner.makeBucket(MakeBucketArgs.builder().bucket("guarded").build());
            byte[] content = "内部资料".getBytes(StandardCharsets.UTF_8);
            owner.putObject(PutObjectArgs.builder().bucket("guarded").object("t/a/x")
                    .stream(new ByteArrayInputStream(content), content.length, -1).contentType("text/plain").build());
            ErrorResponseException refused = assertThrows(ErrorResponseException.class,
                    () -> client(store, "not-the-secret")
                            .bucketExists(BucketExistsArgs.builder().bucket("guarded").build()));
            assertEquals(403, refused.response().code());
            // s3proxy answers an anonymous request for a missing key with 404 (it looks for a public object first), so
            // the check is made on an object that exists.
            HttpResponse<String> anonymous = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(store.endpoint() + "/guarded/t/a/x")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(403, anonymous.statusCode(), anonymous.body());
        }
    }

    private static MinioClient client(EmbeddedObjectStore store, String secret) {
        return MinioClient.builder().endpoint(store.endpoint()).region("us-east-1").credentials("access", secret)
                .build();
    }
}
