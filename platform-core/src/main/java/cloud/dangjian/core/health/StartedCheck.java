package cloud.dangjian.core.health;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/**
 * Started once every start-up task of the platform has run (migrations, the platform-admin grants, the demo region):
 * the startup probe holds the liveness probe off until then, so a slow first start is not killed as a hung one.
 */
@Startup
@ApplicationScoped
public class StartedCheck implements HealthCheck {

    static final String NAME = "Start-up tasks";

    private volatile boolean started;

    /** Observes start-up after the platform's own observers, which run at the default priority. */
    void onStart(@Observes @Priority(Interceptor.Priority.LIBRARY_AFTER + 1000) StartupEvent event) {
        started = true;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named(NAME).status(started).build();
    }
}
