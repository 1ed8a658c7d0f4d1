package cloud.dangjian.core.storage.service;

import cloud.dangjian.core.storage.StorageConfig;
import cloud.dangjian.core.storage.domain.StoredFile;
import cloud.dangjian.core.tenancy.context.CurrentTenant;
import io.minio.BucketExistsArgs;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.errors.ErrorResponseException;
import io.minio.http.Method;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * The platform's object store, through the MinIO client: one bucket, every tenant's objects below
 * {@code t/<tenant-id>/}. Every method takes a full key and refuses one outside the current tenant's prefix, so code
 * acting for one tenant cannot reach another's objects even by a computed key.
 */
@ApplicationScoped
public class ObjectStorage {

    private static final Logger LOG = Logger.getLogger(ObjectStorage.class);
    // S3's rules for bucket names (no dots, so virtual-host style and TLS stay possible).
    private static final Pattern BUCKET_NAME = Pattern.compile("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$");
    private static final Pattern KEY_SEGMENT = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]*$");

    /** What the store knows of an object. */
    public record ObjectInfo(long size, String contentType) {
    }

    @Inject
    StorageConfig config;

    @Inject
    CurrentTenant currentTenant;

    private MinioClient client;
    private MinioClient presigner;
    private volatile boolean bucketReady;

    void start(@Observes StartupEvent event) {
        String endpoint = config.endpoint().filter(value -> !value.isBlank())
                .orElseThrow(() -> new IllegalStateException(
                        "No object storage configured: set DANGJIAN_STORAGE_ENDPOINT (with DANGJIAN_STORAGE_ACCESS_KEY"
                                + " and DANGJIAN_STORAGE_SECRET_KEY), or start the platform through its launcher,"
                                + " which runs an embedded S3 server; tests register"
                                + " cloud.dangjian.core.testing.S3ProxyResource (docs/storage.md)"));
        if (config.accessKey().filter(key -> !key.isBlank()).isEmpty()
                || config.secretKey().filter(key -> !key.isBlank()).isEmpty()) {
            throw new IllegalStateException("Object storage at " + endpoint
                    + " needs credentials to presign URLs: set DANGJIAN_STORAGE_ACCESS_KEY and"
                    + " DANGJIAN_STORAGE_SECRET_KEY");
        }
        if (!BUCKET_NAME.matcher(config.bucket()).matches()) {
            throw new IllegalStateException("dangjian.storage.bucket '" + config.bucket()
                    + "' is not a valid S3 bucket name: 3 to 63 lower-case letters, digits and inner hyphens");
        }
        client = client(endpoint);
        // Presigning is computed locally; a public endpoint only changes the host the URLs name.
        presigner = config.publicEndpoint().filter(value -> !value.isBlank()).map(this::client).orElse(client);
        try {
            ensureBucket();
        } catch (RuntimeException e) {
            // The store may come up after the platform (a restarting MinIO): readiness stays DOWN until it does.
            LOG.errorf("Object storage at %s is not usable yet: %s", endpoint, e.getMessage());
        }
    }

    private MinioClient client(String endpoint) {
        return MinioClient.builder().endpoint(endpoint).region(config.region())
                .credentials(config.accessKey().orElseThrow(), config.secretKey().orElseThrow()).build();
    }

    /** Creates the bucket if it is missing; true once the store answered and the bucket exists. */
    public boolean ensureBucket() {
        if (bucketReady) {
            return true;
        }
        String bucket = config.bucket();
        try {
            if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
                client.makeBucket(MakeBucketArgs.builder().bucket(bucket).region(config.region()).build());
                LOG.infof("Created the object storage bucket %s", bucket);
            }
            bucketReady = true;
            return true;
        } catch (Exception e) {
            throw new StorageException("Could not reach or create bucket '" + bucket + "'", e);
        }
    }

    /** Whether the store answers and the bucket exists (the readiness check). */
    public boolean isReady() {
        try {
            bucketReady = false;
            return ensureBucket();
        } catch (StorageException e) {
            return false;
        }
    }

    /** A URL that lets its holder PUT one object at {@code key} until it expires. */
    public String presignedUpload(String key, Duration expiry) {
        requireOwnKey(key);
        try {
            return presigner.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder().method(Method.PUT)
                    .bucket(config.bucket()).object(key).expiry(seconds(expiry)).build());
        } catch (Exception e) {
            throw new StorageException("Could not presign an upload", e);
        }
    }

    /**
     * A URL that lets its holder GET the object at {@code key} until it expires; the response names {@code contentType}
     * and offers {@code filename} for saving.
     */
    public String presignedDownload(String key, Duration expiry, String filename, String contentType) {
        requireOwnKey(key);
        try {
            return presigner
                    .getPresignedObjectUrl(
                            GetPresignedObjectUrlArgs.builder().method(Method.GET).bucket(config.bucket()).object(key)
                                    .expiry(seconds(expiry))
                                    .extraQueryParams(Map.of("response-content-type", contentType,
                                            "response-content-disposition", ContentDisposition.attachment(filename)))
                                    .build());
        } catch (Exception e) {
            throw new StorageException("Could not presign a download", e);
        }
    }

    /** The object's size and content type, or empty if there is no object at {@code key}. */
    public Optional<ObjectInfo> stat(String key) {
        requireOwnKey(key);
        try {
            StatObjectResponse stat = client
                    .statObject(StatObjectArgs.builder().bucket(config.bucket()).object(key).build());
            return Optional.of(new ObjectInfo(stat.size(), stat.contentType()));
        } catch (ErrorResponseException e) {
            String code = e.errorResponse().code();
            if ("NoSuchKey".equals(code) || "NoSuchObject".equals(code) || "NotFound".equals(code)
                    || e.response().code() == 404) {
                return Optional.empty();
            }
            throw new StorageException("Could not read the object's metadata", e);
        } catch (Exception e) {
            throw new StorageException("Could not read the object's metadata", e);
        }
    }

    /** Stores an object written by the platform itself (not through a presigned URL). */
    public void put(String key, InputStream content, long size, String contentType) {
        requireOwnKey(key);
        try {
            client.putObject(PutObjectArgs.builder().bucket(config.bucket()).object(key).stream(content, size, -1)
                    .contentType(contentType).build());
        } catch (Exception e) {
            throw new StorageException("Could not store the object", e);
        }
    }

    /** Deletes the object at {@code key}; deleting nothing is not an error. */
    public void delete(String key) {
        requireOwnKey(key);
        try {
            client.removeObject(RemoveObjectArgs.builder().bucket(config.bucket()).object(key).build());
        } catch (Exception e) {
            throw new StorageException("Could not delete the object", e);
        }
    }

    /**
     * Refuses a key outside the current tenant's prefix, or one that could be read as another path ({@code ..}, empty
     * or odd segments).
     */
    void requireOwnKey(String key) {
        String prefix = StoredFile.tenantPrefix(currentTenant.require());
        if (key == null || !key.startsWith(prefix) || key.length() == prefix.length()) {
            throw new IllegalArgumentException("Object key '" + key + "' is outside the current tenant's " + prefix);
        }
        for (String segment : key.substring(prefix.length()).split("/", -1)) {
            if (!KEY_SEGMENT.matcher(segment).matches() || segment.contains("..")) {
                throw new IllegalArgumentException("Object key '" + key + "' has an invalid segment '" + segment + "'");
            }
        }
    }

    private static int seconds(Duration expiry) {
        return (int) Math.max(1, Math.min(expiry.toSeconds(), Duration.ofDays(7).toSeconds()));
    }

    /** The object store failed or could not be reached; answered as 503 with the cause logged. */
    public static class StorageException extends RuntimeException {
        public StorageException(String message, Throwable cause) {
            super(message + ": " + cause.getMessage(), cause);
        }
    }
}
