package cloud.dangjian.app;

import cloud.dangjian.core.testing.EmbeddedPostgresResource;
import cloud.dangjian.core.testing.KeycloakResource;
import io.quarkus.test.common.QuarkusTestResource;

/** Registers the embedded PostgreSQL and the real Keycloak for every {@code @QuarkusTest} of the application. */
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(KeycloakResource.class)
public final class WithTestServices {

    private WithTestServices() {
    }
}
