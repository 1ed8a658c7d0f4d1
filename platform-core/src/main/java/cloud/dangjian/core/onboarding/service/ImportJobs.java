package cloud.dangjian.core.onboarding.service;

import cloud.dangjian.core.onboarding.domain.ImportJob;
import cloud.dangjian.core.onboarding.domain.ImportJobKind;
import cloud.dangjian.core.onboarding.domain.ImportJobRepository;
import cloud.dangjian.core.onboarding.domain.ImportJobStatus;
import cloud.dangjian.core.onboarding.file.TabularRow;
import cloud.dangjian.core.problem.Problem;
import cloud.dangjian.core.problem.ProblemException;
import cloud.dangjian.core.tenancy.context.CurrentTenant;
import cloud.dangjian.core.tenancy.context.TenantScope;
import cloud.dangjian.core.tenancy.domain.RegionRepository;
import cloud.dangjian.core.tenancy.domain.TenantRepository;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Runs a tenant's bulk imports in the background, one file per job, on a small pool of this node's threads, and records
 * each job's progress and outcome in {@code import_jobs} where any node can read it. The importer is unchanged: every
 * row is checked before any is written, and the file is written in one transaction or not at all. Progress is written
 * beside that transaction in short transactions of its own, at most a few times a second.
 * <p>
 * A job carries its tenant explicitly onto the worker thread ({@link TenantScope}); nothing of the request that started
 * it is used there. The node running a job touches it every half minute; a job nobody has touched for
 * {@code dangjian.imports.stale-after} belonged to a node that stopped, and reads as failed: its transaction died with
 * the node, so nothing of it was imported.
 */
@ApplicationScoped
public class ImportJobs {

    private static final Logger LOG = Logger.getLogger(ImportJobs.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Problem.FieldError>> ROW_ERRORS = new TypeReference<>() {
    };
    /** The least time between two progress writes of one job. */
    private static final long PROGRESS_INTERVAL_NANOS = Duration.ofMillis(250).toNanos();

    /**
     * A job as the console and the API show it.
     *
     * @param percent
     *            how far along, for a progress bar: checking is the first 40, writing up to 95, the end 100
     * @param errors
     *            a refused file's bad rows (at most the first 1000), sorted by line
     */
    public record JobView(UUID id, ImportJobKind kind, String fileName, boolean dryRun, ImportJobStatus status,
            int totalRows, int processedRows, int percent, Integer created, Integer updated, Integer unchanged,
            String detail, List<Problem.FieldError> errors, String startedBy, Instant createdAt, Instant finishedAt) {

        public boolean ended() {
            return status.ended();
        }
    }

    @Inject
    ImportJobRepository jobs;

    @Inject
    CurrentTenant currentTenant;

    @Inject
    TenantScope tenantScope;

    @Inject
    TenantRepository tenants;

    @Inject
    RegionRepository regions;

    @Inject
    MemberImporter members;

    @Inject
    OrganisationImporter organisations;

    @Inject
    BulkWriteMaintenance maintenance;

    @ConfigProperty(name = "dangjian.imports.workers", defaultValue = "1")
    int workers;

    @ConfigProperty(name = "dangjian.imports.stale-after", defaultValue = "2M")
    Duration staleAfter;

    private ExecutorService pool;
    /** The jobs this node holds, queued or running, with their tenants: touched by the heartbeat. */
    private final Map<UUID, String> held = new ConcurrentHashMap<>();

    @PostConstruct
    void init() {
        AtomicInteger threads = new AtomicInteger();
        pool = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), runnable -> {
            Thread thread = new Thread(runnable, "import-job-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    void stop(@Observes ShutdownEvent event) {
        pool.shutdownNow();
    }

    /**
     * Records a job of the current tenant for {@code rows} (already read from the file) and queues it. The job is
     * committed before it is queued, so a worker always finds it.
     */
    public JobView start(ImportJobKind kind, String fileName, boolean dryRun, List<TabularRow> rows, String username) {
        String tenant = currentTenant.require();
        ImportJob job = QuarkusTransaction.requiringNew().call(() -> {
            ImportJob created = new ImportJob(kind, fileName == null || fileName.isBlank() ? "-" : fileName, dryRun,
                    rows.size(), username);
            jobs.persist(created);
            return created;
        });
        UUID id = job.id();
        held.put(id, tenant);
        try {
            pool.execute(() -> run(tenant, id, kind, dryRun, rows));
        } catch (RejectedExecutionException stopping) {
            held.remove(id);
            update(id, j -> j.failed("the platform is stopping; upload the file again"));
        }
        return view(job);
    }

    /** A job of the current tenant; another tenant's id is not found. */
    public JobView get(UUID id) {
        return QuarkusTransaction.joiningExisting().call(() -> jobs.findByIdOptional(id).map(this::view)
                .orElseThrow(() -> ProblemException.notFound("Import job", id)));
    }

    private void run(String tenant, UUID id, ImportJobKind kind, boolean dryRun, List<TabularRow> rows) {
        try {
            tenantScope.run(tenant, () -> runAsTenant(tenant, id, kind, dryRun, rows));
        } finally {
            held.remove(id);
        }
    }

    private void runAsTenant(String tenant, UUID id, ImportJobKind kind, boolean dryRun, List<TabularRow> rows) {
        Progress progress = new Progress(id, rows.size());
        progress.reached(ImportProgress.Phase.CHECKING, 0);
        try {
            String region = QuarkusTransaction.requiringNew()
                    .call(() -> regions.findById(tenants.findById(tenant).regionId()).code());
            ImportReport report = kind == ImportJobKind.MEMBERS ? members.importRows(region, rows, dryRun, progress)
                    : organisations.importRows(region, rows, dryRun, progress);
            if (report.created() + report.updated() >= 1000) {
                maintenance.afterBulkWrite(kind == ImportJobKind.MEMBERS ? "members" : "organisations");
            }
            update(id, job -> job.done(report.created(), report.updated(), report.unchanged()));
            LOG.infof("Import job %s (%s, %d rows) done: %d created, %d updated", id, kind, rows.size(),
                    report.created(), report.updated());
        } catch (ProblemException refused) {
            Problem problem = refused.toProblem();
            List<Problem.FieldError> errors = problem.errors() == null
                    ? List.of(new Problem.FieldError(problem.field(), problem.detail()))
                    : problem.errors();
            update(id, job -> job.refused(json(errors), problem.detail()));
        } catch (Exception | Error e) {
            LOG.errorf(e, "Import job %s (%s, %d rows) failed; its transaction was rolled back", id, kind, rows.size());
            // The cause is for the operator (logged with the job's id), not for the page.
            update(id, job -> job.failed("an unexpected error stopped it (job " + id + " in the platform's log)"));
        }
    }

    /** Touches the jobs this node holds, so that they do not read as abandoned while queued or in a long statement. */
    @Scheduled(identity = "import-job-heartbeat", every = "30s", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void heartbeat() {
        held.forEach((id, tenant) -> {
            try {
                // Only the time, and only of a job still open: the worker may be ending it at this very moment.
                tenantScope.run(tenant, () -> QuarkusTransaction.requiringNew().run(
                        () -> jobs.update("updatedAt = ?1 where id = ?2 and finishedAt is null", Instant.now(), id)));
            } catch (RuntimeException e) {
                LOG.warnf(e, "Could not touch import job %s", id);
            }
        });
    }

    private void update(UUID id, Consumer<ImportJob> change) {
        QuarkusTransaction.requiringNew().run(() -> jobs.findByIdOptional(id).ifPresent(change));
    }

    private JobView view(ImportJob job) {
        ImportJobStatus status = job.status();
        String detail = job.detail();
        if (!status.ended() && job.updatedAt().isBefore(Instant.now().minus(staleAfter))) {
            status = ImportJobStatus.FAILED;
            detail = "the import stopped with the node that ran it; nothing was imported, upload the file again";
        }
        int total = Math.max(1, job.totalRows());
        int percent = switch (status) {
            case QUEUED -> 0;
            case CHECKING -> (int) (40L * job.processedRows() / total);
            case WRITING -> 40 + (int) (55L * job.processedRows() / total);
            case DONE, REFUSED, FAILED -> 100;
        };
        return new JobView(job.id(), job.kind(), job.fileName(), job.dryRun(), status, job.totalRows(),
                job.processedRows(), percent, job.createdRows(), job.updatedRows(), job.unchangedRows(), detail,
                errors(job.rowErrors()), job.startedBy(), job.createdAt(), job.finishedAt());
    }

    private static String json(List<Problem.FieldError> errors) {
        try {
            return JSON.writeValueAsString(errors);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Problem.FieldError> errors(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return JSON.readValue(json, ROW_ERRORS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable row errors of an import job", e);
        }
    }

    /** Writes a job's progress in its own short transactions, at most every 250 ms, and always at a phase's end. */
    private final class Progress implements ImportProgress {

        private final UUID id;
        private final int total;
        private long lastWrite;
        private Phase lastPhase;

        Progress(UUID id, int total) {
            this.id = id;
            this.total = total;
        }

        @Override
        public void reached(Phase phase, int rows) {
            long now = System.nanoTime();
            if (phase == lastPhase && rows < total && now - lastWrite < PROGRESS_INTERVAL_NANOS) {
                return;
            }
            lastWrite = now;
            lastPhase = phase;
            ImportJobStatus status = phase == Phase.CHECKING ? ImportJobStatus.CHECKING : ImportJobStatus.WRITING;
            update(id, job -> job.progress(status, rows));
        }
    }
}
