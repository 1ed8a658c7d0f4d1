package cloud.dangjian.core.tenantconfig.service;

import cloud.dangjian.core.problem.ProblemException;
import cloud.dangjian.core.tenantconfig.file.ConfigSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Applies the deployment's tenant-config at start-up: the directory in {@code dangjian.tenant-config.dir} (a ConfigMap
 * in Kubernetes) and, on the embedded default, the demo region shipped on the classpath. Invalid files stop the start
 * with every error listed, so a bad change never half-reaches a running platform.
 */
@ApplicationScoped
public class TenantConfigStartup {

    private static final Logger LOG = Logger.getLogger(TenantConfigStartup.class);

    /** The demo region in the tenant-config module. */
    public static final String DEMO = "tenant-config/demo";

    @ConfigProperty(name = "dangjian.tenant-config.dir")
    Optional<Path> directory;

    @ConfigProperty(name = "dangjian.demo.enabled", defaultValue = "false")
    boolean demo;

    @Inject
    TenantConfigApplier applier;

    /** After the database is migrated and before requests are served. */
    void onStart(@Observes @Priority(2000) StartupEvent event) {
        if (demo) {
            apply(ConfigSource.classpath(DEMO));
        }
        directory.ifPresent(path -> apply(ConfigSource.directory(path)));
    }

    /** The sources applied at start-up, for the admin endpoint's reload. */
    public java.util.List<ConfigSource> sources() {
        java.util.List<ConfigSource> sources = new java.util.ArrayList<>();
        if (demo) {
            sources.add(ConfigSource.classpath(DEMO));
        }
        directory.ifPresent(path -> sources.add(ConfigSource.directory(path)));
        return sources;
    }

    private void apply(ConfigSource source) {
        try {
            TenantConfigReport report = applier.apply(source, false);
            LOG.infof("tenant-config %s: %d files, %d changes", source.description(), report.files(),
                    report.changes().size());
            report.warnings().forEach(warning -> LOG.warnf("tenant-config %s: %s", source.description(), warning));
        } catch (ProblemException e) {
            StringBuilder message = new StringBuilder(
                    "tenant-config " + source.description() + " is invalid; " + "nothing of it was applied:");
            e.toProblem().errors()
                    .forEach(error -> message.append("\n  ").append(error.file())
                            .append(error.line() == null ? "" : ":" + error.line()).append(": ")
                            .append(error.field() == null ? "" : error.field() + " ").append(error.message()));
            throw new IllegalStateException(message.toString());
        }
    }
}
