package cloud.dangjian.plugins.points;

import cloud.dangjian.core.testing.EmbeddedPostgresResource;
import cloud.dangjian.core.testing.KeycloakResource;
import cloud.dangjian.core.testing.S3ProxyResource;
import io.quarkus.test.common.QuarkusTestResource;

/**
 * Registers the embedded PostgreSQL, the real Keycloak and a real S3 server for every {@code @QuarkusTest} of this
 * plugin (the core's own registration lives in its test-jar, which Quarkus does not scan for annotations).
 */
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(KeycloakResource.class)
@QuarkusTestResource(S3ProxyResource.class)
public final class WithTestServices {

    private WithTestServices() {
    }
}
