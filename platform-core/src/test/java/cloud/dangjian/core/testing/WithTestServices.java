package cloud.dangjian.core.testing;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers the embedded PostgreSQL and the real Keycloak for every {@code @QuarkusTest} of this module. */
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(KeycloakResource.class)
public final class WithTestServices {

    private WithTestServices() {
    }
}
