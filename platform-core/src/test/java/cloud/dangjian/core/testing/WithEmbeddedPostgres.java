package cloud.dangjian.core.testing;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers the embedded PostgreSQL for every {@code @QuarkusTest} of this module. */
@QuarkusTestResource(EmbeddedPostgresResource.class)
public final class WithEmbeddedPostgres {

    private WithEmbeddedPostgres() {
    }
}
