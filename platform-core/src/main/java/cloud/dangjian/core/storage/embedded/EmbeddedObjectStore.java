package cloud.dangjian.core.storage.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gaul.s3proxy.CrossOriginResourceSharing;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;

/**
 * An S3-compatible server on a local folder (s3proxy with its filesystem store), listening on loopback. The only class
 * that touches s3proxy: with an external endpoint configured it is never loaded, so s3proxy and Jetty stay out of the
 * production path.
 */
public final class EmbeddedObjectStore implements AutoCloseable {

    private static final String HOST = "127.0.0.1";

    private final S3Proxy server;
    private final String accessKey;
    private final String secretKey;

    private EmbeddedObjectStore(S3Proxy server, String accessKey, String secretKey) {
        this.server = server;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
    }

    /**
     * Starts the server; buckets are folders below {@code dataDirectory} and survive a restart.
     *
     * @param dataDirectory
     *            where the objects are kept
     * @param port
     *            the port to listen on, or 0 for any free port
     * @param accessKey
     *            the access key clients sign with
     * @param secretKey
     *            the secret key clients sign with (checked, AWS signature v2 or v4, presigned URLs included)
     */
    public static EmbeddedObjectStore start(Path dataDirectory, int port, String accessKey, String secretKey) {
        try {
            Files.createDirectories(dataDirectory);
            S3Proxy server = S3Proxy.builder()
                    .blobStore(new FilesystemNio2BlobStore(dataDirectory.toAbsolutePath().toString()))
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
                    .endpoint(URI.create("http://" + HOST + ":" + port))
                    // Browsers PUT and GET presigned URLs from the web shell's origin; the signature is the access
                    // check, and the server listens on loopback only.
                    .corsRules(new CrossOriginResourceSharing(List.of("*"), List.of("GET", "HEAD", "PUT"), List.of("*"),
                            List.of("ETag"), ""))
                    // Stopping is part of the JVM's shutdown; do not wait for idle keep-alive connections.
                    .stopTimeout(0).build();
            server.start();
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!"STARTED".equals(server.getState())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The embedded S3 server did not start within 30 s");
                }
                Thread.sleep(10);
            }
            return new EmbeddedObjectStore(server, accessKey, secretKey);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare the object store folder " + dataDirectory, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting the embedded S3 server", e);
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the embedded S3 server on " + HOST + ":" + port, e);
        }
    }

    public String endpoint() {
        return "http://" + HOST + ":" + server.getPort();
    }

    public int port() {
        return server.getPort();
    }

    /** The configuration that points the platform's object storage at this server. */
    public Map<String, String> quarkusConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("dangjian.storage.endpoint", endpoint());
        config.put("dangjian.storage.access-key", accessKey);
        config.put("dangjian.storage.secret-key", secretKey);
        return config;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Could not stop the embedded S3 server", e);
        }
    }
}
