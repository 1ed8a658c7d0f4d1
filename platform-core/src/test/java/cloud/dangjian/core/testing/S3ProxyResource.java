package cloud.dangjian.core.testing;

import cloud.dangjian.core.storage.embedded.EmbeddedObjectStore;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Starts a real S3 server (s3proxy on a throw-away folder, the same {@link EmbeddedObjectStore} the launcher runs) once
 * per test run, on a free port. Tests find the folder in {@value #DATA_DIRECTORY_PROPERTY}, to look at the keys.
 */
public class S3ProxyResource implements QuarkusTestResourceLifecycleManager {

    public static final String DATA_DIRECTORY_PROPERTY = "dangjian.test.storage-directory";

    private EmbeddedObjectStore store;
    private Path dataDirectory;

    @Override
    public Map<String, String> start() {
        try {
            dataDirectory = Files.createTempDirectory("dangjian-test-s3");
            store = EmbeddedObjectStore.start(dataDirectory, freePort(), "dangjian-test", UUID.randomUUID().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> config = new HashMap<>(store.quarkusConfig());
        config.put(DATA_DIRECTORY_PROPERTY, dataDirectory.toString());
        return config;
    }

    @Override
    public void stop() {
        if (store != null) {
            store.close();
        }
        if (dataDirectory != null) {
            try (Stream<Path> files = Files.walk(dataDirectory)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // A leftover temp folder is harmless.
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
