package cloud.dangjian.core.storage;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Where files are kept: an S3-compatible object store (MinIO in production, the embedded server by default). */
@ConfigMapping(prefix = "dangjian.storage")
public interface StorageConfig {

    /**
     * The S3 endpoint the platform talks to ({@code DANGJIAN_STORAGE_ENDPOINT}, e.g. {@code http://minio:9000}). Unset:
     * the launcher starts the embedded server and sets it.
     */
    Optional<String> endpoint();

    /**
     * The endpoint put into presigned URLs, when browsers reach the store under another name than the platform does
     * ({@code https://files.example.org}); defaults to {@link #endpoint()}.
     */
    Optional<String> publicEndpoint();

    /** The access key ({@code DANGJIAN_STORAGE_ACCESS_KEY}). */
    Optional<String> accessKey();

    /** The secret key ({@code DANGJIAN_STORAGE_SECRET_KEY}). */
    Optional<String> secretKey();

    /** The bucket holding every tenant's files under {@code t/<tenant-id>/}; created at start-up if missing. */
    @WithDefault("dangjian-files")
    String bucket();

    /** The region the bucket lives in; signing needs it, and setting it saves a location lookup per client. */
    @WithDefault("us-east-1")
    String region();

    /** How long a presigned upload (PUT) URL is valid. */
    @WithDefault("PT5M")
    Duration uploadExpiry();

    /** How long a presigned download (GET) URL is valid. */
    @WithDefault("PT5M")
    Duration downloadExpiry();
}
