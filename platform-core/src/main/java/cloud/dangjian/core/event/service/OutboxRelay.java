package cloud.dangjian.core.event.service;

import cloud.dangjian.core.event.DomainEvent;
import cloud.dangjian.core.event.kafka.KafkaSettings;
import cloud.dangjian.core.event.kafka.KafkaTransport;
import cloud.dangjian.core.tenancy.context.TenantScope;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Moves committed events from the outbox table to their transport — the in-process channel by default, Kafka in
 * production — oldest first, and marks them published only once every event of a batch has been acknowledged.
 * <p>
 * A batch is claimed with {@code FOR UPDATE SKIP LOCKED}, so several nodes relay disjoint batches. If a node dies after
 * handing a batch over but before marking it, the rows are still unpublished and go out again: delivery is at least
 * once, and consumers are idempotent by event id ({@link EventDispatcher}). Runs on a schedule and, sooner, after every
 * commit that wrote an event.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    @Inject
    InProcessTransport inProcess;

    @Inject
    KafkaTransport kafka;

    @Inject
    KafkaSettings kafkaSettings;

    @Inject
    MeterRegistry meters;

    private EventTransport transport;
    private Counter relayed;

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper objectMapper;

    @Inject
    TenantScope tenantScope;

    @ConfigProperty(name = "dangjian.events.relay-batch-size", defaultValue = "500")
    int batchSize;

    @ConfigProperty(name = "dangjian.events.ack-timeout-seconds", defaultValue = "300")
    int ackTimeoutSeconds;

    private final ReentrantLock relaying = new ReentrantLock();
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    private final AtomicBoolean rerun = new AtomicBoolean();
    private volatile boolean paused;
    private volatile boolean started;
    private ExecutorService waker;

    @PostConstruct
    void init() {
        transport = kafkaSettings.enabled() ? kafka : inProcess;
        relayed = Counter.builder("dangjian.events.relayed").description("Domain events handed to their transport")
                .tag("transport", kafkaSettings.enabled() ? "kafka" : "in-process").register(meters);
        waker = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "outbox-relay");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Relays only once the application has started: the scheduler may tick earlier on a slow start, before reactive
     * messaging has wired the in-process channel, and the transport's emitter cannot be created then.
     */
    void start(@Observes StartupEvent startup) {
        LOG.infof("Domain events are relayed to the %s", transport.describe());
        started = true;
    }

    void stop(@Observes ShutdownEvent shutdown) {
        // Finish the batch in flight, take no new one: unrelayed rows wait in the table for the next start.
        paused = true;
        waker.shutdown();
        relaying.lock();
        relaying.unlock();
    }

    @Scheduled(every = "${dangjian.events.relay-interval:1s}", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        relayPending();
    }

    /** Asks for a relay pass soon, on the relay's own thread; passes asked for while one runs coalesce. */
    public void wake() {
        if (paused || !wakeQueued.compareAndSet(false, true)) {
            return;
        }
        try {
            waker.execute(() -> {
                wakeQueued.set(false);
                relayPending();
            });
        } catch (RuntimeException shutDown) {
            wakeQueued.set(false);
        }
    }

    /** Relays every pending event; returns how many went out. Safe to call from any thread. */
    public int relayPending() {
        if (!started) {
            return 0;
        }
        if (!relaying.tryLock()) {
            rerun.set(true);
            return 0;
        }
        int total = 0;
        try {
            do {
                rerun.set(false);
                int relayed;
                do {
                    relayed = paused ? 0 : relayBatch();
                    total += relayed;
                } while (relayed == batchSize);
            } while (rerun.get() && !paused);
        } catch (RuntimeException e) {
            LOG.warnf(e, "Relaying the outbox failed; the events stay pending and are retried on the next pass");
        } finally {
            relaying.unlock();
        }
        return total;
    }

    /** Stops relaying after the batch in flight: what a crashed node looks like to its outbox. For tests and drains. */
    public void pause() {
        paused = true;
        relaying.lock();
        relaying.unlock();
    }

    public void resume() {
        paused = false;
        wake();
    }

    private int relayBatch() {
        return tenantScope.platform(() -> QuarkusTransaction.requiringNew().timeout(ackTimeoutSeconds + 60).call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = entityManager.createNativeQuery("""
                    SELECT seq, id, tenant_id, type, CAST(payload AS text), occurred_at FROM outbox_events
                    WHERE published_at IS NULL ORDER BY seq LIMIT ?1 FOR UPDATE SKIP LOCKED""")
                    .setParameter(1, batchSize).getResultList();
            if (rows.isEmpty()) {
                return 0;
            }
            List<Long> sequence = new ArrayList<>(rows.size());
            List<DomainEvent> batch = new ArrayList<>(rows.size());
            for (Object[] row : rows) {
                sequence.add(((Number) row[0]).longValue());
                batch.add(toEvent(row));
            }
            awaitAll(List.of(transport.sendAll(batch)));
            entityManager.createNativeQuery("UPDATE outbox_events SET published_at = now() WHERE seq = ANY(?1)")
                    .setParameter(1, sequence.toArray(Long[]::new)).executeUpdate();
            relayed.increment(rows.size());
            return rows.size();
        }));
    }

    private void awaitAll(List<CompletableFuture<Void>> acknowledgements) {
        CompletionStage<Void> all = CompletableFuture.allOf(acknowledgements.toArray(CompletableFuture[]::new));
        try {
            all.toCompletableFuture().get(ackTimeoutSeconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for events to be acknowledged", e);
        } catch (Exception e) {
            throw new IllegalStateException("Events were not acknowledged; they stay pending", e);
        }
    }

    private DomainEvent toEvent(Object[] row) {
        try {
            return new DomainEvent((UUID) row[1], (String) row[3], (String) row[2], instant(row[5]),
                    objectMapper.readTree((String) row[4]));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An outbox payload is not JSON: event " + row[1], e);
        }
    }

    static Instant instant(Object value) {
        return switch (value) {
            case Instant instant -> instant;
            case OffsetDateTime offset -> offset.toInstant();
            case Timestamp timestamp -> timestamp.toInstant();
            default -> throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
        };
    }
}
