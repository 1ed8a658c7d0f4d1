package cloud.dangjian.core.event.service;

import cloud.dangjian.core.event.DomainEvent;
import cloud.dangjian.core.tenancy.context.TenantScope;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Events a consumer gave up on, kept with the last error until an administrator retries them successfully. */
@ApplicationScoped
public class ParkedEvents {

    /** One parked event for one consumer. */
    public record Parked(long id, String consumerId, DomainEvent event, int attempts, String error, Instant parkedAt,
            Instant resolvedAt) {
    }

    private static final String PARK = """
            INSERT INTO parked_events (event_id, consumer_id, tenant_id, type, payload, occurred_at, attempts, error)
            VALUES (?1, ?2, ?3, ?4, CAST(?5 AS jsonb), ?6, ?7, ?8)
            ON CONFLICT (consumer_id, event_id) DO UPDATE
            SET attempts = parked_events.attempts + EXCLUDED.attempts, error = EXCLUDED.error, parked_at = now(),
                resolved_at = NULL""";

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper objectMapper;

    @Inject
    TenantScope tenantScope;

    @Inject
    MeterRegistry meters;

    /** Parks (or parks again, with the newer error) an event for a consumer, in a transaction of its own. */
    public void park(String consumerId, DomainEvent event, int attempts, String error) {
        meters.counter("dangjian.events.parked", "consumer", consumerId).increment();
        tenantScope.platform(() -> QuarkusTransaction.requiringNew()
                .call(() -> entityManager.createNativeQuery(PARK).setParameter(1, event.id())
                        .setParameter(2, consumerId).setParameter(3, event.tenantId()).setParameter(4, event.type())
                        .setParameter(5, event.payload().toString()).setParameter(6, Timestamp.from(event.occurredAt()))
                        .setParameter(7, attempts).setParameter(8, error).executeUpdate()));
    }

    /** Open (unresolved) parked events, newest first. */
    public List<Parked> open(int limit) {
        String where = "WHERE resolved_at IS NULL ORDER BY id DESC LIMIT " + Math.max(1, Math.min(limit, 500));
        return tenantScope.platform(() -> QuarkusTransaction.joiningExisting()
                .call(() -> select(where).stream().map(this::toParked).toList()));
    }

    public Optional<Parked> find(long id) {
        return tenantScope.platform(() -> QuarkusTransaction.joiningExisting()
                .call(() -> select("WHERE id = " + id).stream().findFirst().map(this::toParked)));
    }

    /** Records the outcome of an administrator's retry. */
    public void recordRetry(long id, String error) {
        tenantScope.platform(() -> QuarkusTransaction.requiringNew().call(() -> {
            if (error == null) {
                entityManager.createNativeQuery("UPDATE parked_events SET resolved_at = now() WHERE id = ?1")
                        .setParameter(1, id).executeUpdate();
            } else {
                entityManager
                        .createNativeQuery("UPDATE parked_events SET attempts = attempts + 1, error = ?2 WHERE id = ?1")
                        .setParameter(1, id).setParameter(2, error).executeUpdate();
            }
            return null;
        }));
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> select(String where) {
        return entityManager.createNativeQuery("""
                SELECT id, consumer_id, event_id, tenant_id, type, CAST(payload AS text), occurred_at, attempts, error,
                       parked_at, resolved_at
                FROM parked_events\s""" + where).getResultList();
    }

    private Parked toParked(Object[] row) {
        try {
            DomainEvent event = new DomainEvent((UUID) row[2], (String) row[4], (String) row[3],
                    OutboxRelay.instant(row[6]), objectMapper.readTree((String) row[5]));
            return new Parked(((Number) row[0]).longValue(), (String) row[1], event, ((Number) row[7]).intValue(),
                    (String) row[8], OutboxRelay.instant(row[9]),
                    row[10] == null ? null : OutboxRelay.instant(row[10]));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A parked payload is not JSON: " + row[0], e);
        }
    }
}
