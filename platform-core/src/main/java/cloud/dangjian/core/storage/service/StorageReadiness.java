package cloud.dangjian.core.storage.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the object store answers and the platform's bucket exists (created on the way if missing). */
@Readiness
@ApplicationScoped
public class StorageReadiness implements HealthCheck {

    @Inject
    ObjectStorage storage;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("object-storage").status(storage.isReady()).build();
    }
}
