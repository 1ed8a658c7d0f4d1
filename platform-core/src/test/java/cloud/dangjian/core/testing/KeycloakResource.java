package cloud.dangjian.core.testing;

import cloud.dangjian.core.identity.keycloak.EmbeddedKeycloak;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;

/**
 * Starts the real Keycloak once per test run, with the realm imported afresh. The unpacked distribution is kept in the
 * temp folder between runs so that only the first run on a machine pays for unpacking it.
 */
public class KeycloakResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedKeycloak keycloak;

    @Override
    public Map<String, String> start() {
        Path home = Path.of(System.getProperty("java.io.tmpdir"), "dangjian-test-keycloak-" + checkoutKey());
        try (InputStream realm = getClass().getClassLoader()
                .getResourceAsStream("tenant-config/keycloak/dangjian-realm.json")) {
            EmbeddedKeycloak.forgetRealms(home);
            keycloak = EmbeddedKeycloak.start(home, freePort(), freePort(), realm);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("quarkus.oidc.auth-server-url", keycloak.realmUrl(), "dangjian.identity.platform-admins",
                "platform-admin", "dangjian.web.client-secret", EmbeddedKeycloak.DEMO_CLIENT_SECRET,
                "quarkus.keycloak.admin-client.server-url", keycloak.serverUrl());
    }

    @Override
    public void stop() {
        if (keycloak != null) {
            keycloak.close();
        }
    }

    /**
     * One Keycloak home per checkout: two checkouts testing at once (worktrees, parallel CI jobs) must not share its
     * dev database. Modules sit one level below the checkout, so they share the home and unpack it only once.
     */
    private static String checkoutKey() {
        Path checkout = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();
        return Integer.toHexString(checkout.toString().hashCode());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
