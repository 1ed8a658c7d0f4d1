package cloud.dangjian.core.testing;

import io.quarkus.test.common.QuarkusTestResource;

/**
 * Registers the embedded PostgreSQL, the real Keycloak and a real S3 server for every {@code @QuarkusTest} of this
 * module.
 */
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(KeycloakResource.class)
@QuarkusTestResource(S3ProxyResource.class)
public final class WithTestServices {

    private WithTestServices() {
    }
}
