package cloud.dangjian.core.event.service;

import cloud.dangjian.core.database.AfterCommit;
import cloud.dangjian.core.event.DomainEvent;
import cloud.dangjian.core.event.PlatformEvents;
import cloud.dangjian.core.plugin.service.PluginRegistry;
import cloud.dangjian.core.plugin.spi.PluginDescriptor;
import cloud.dangjian.core.tenancy.context.CurrentTenant;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/**
 * Publishes domain events through the transactional outbox: the event is a row written in the caller's transaction, so
 * it exists exactly when the change it describes does. {@link OutboxRelay} hands it to messaging after commit.
 */
@ApplicationScoped
public class DomainEvents {

    @Inject
    EntityManager entityManager;

    @Inject
    CurrentTenant currentTenant;

    @Inject
    PluginRegistry plugins;

    @Inject
    ObjectMapper objectMapper;

    @Inject
    OutboxRelay relay;

    @Inject
    AfterCommit afterCommit;

    /**
     * Writes an event of the current tenant (none for platform-level work) to the outbox.
     *
     * @param type
     *            a type the publishing plugin declares in its descriptor, or a {@link PlatformEvents} type
     * @param payload
     *            anything Jackson serialises to a JSON object
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public DomainEvent publish(String type, Object payload) {
        return write(type, payload, currentTenant.id().orElse(null));
    }

    /** Writes an event that belongs to no tenant (a region's settings), whichever tenant the caller acts as. */
    @Transactional(Transactional.TxType.MANDATORY)
    public DomainEvent publishForPlatform(String type, Object payload) {
        return write(type, payload, null);
    }

    private DomainEvent write(String type, Object payload, String tenantId) {
        requireDeclared(type);
        JsonNode json = objectMapper.valueToTree(payload);
        if (!json.isObject()) {
            throw new IllegalArgumentException("An event payload must be a JSON object: " + type);
        }
        // Microseconds: what PostgreSQL keeps, so the event a consumer reads back equals the one published.
        DomainEvent event = new DomainEvent(UUID.randomUUID(), type, tenantId,
                Instant.now().truncatedTo(ChronoUnit.MICROS), json);
        entityManager.createNativeQuery("""
                INSERT INTO outbox_events (id, tenant_id, type, payload, occurred_at)
                VALUES (?1, ?2, ?3, CAST(?4 AS jsonb), ?5)""").setParameter(1, event.id())
                .setParameter(2, event.tenantId()).setParameter(3, type).setParameter(4, json.toString())
                .setParameter(5, Timestamp.from(event.occurredAt())).executeUpdate();
        // Relay soon after commit instead of waiting for the next scheduled pass.
        afterCommit.run(relay::wake);
        return event;
    }

    private void requireDeclared(String type) {
        if (type.startsWith(PlatformEvents.PREFIX)) {
            return;
        }
        Optional<PluginDescriptor<?>> owner = plugins.ownerOfEventType(type);
        if (owner.isEmpty() || !owner.get().publishes().contains(type)) {
            throw new IllegalArgumentException("Event type '" + type
                    + "' is not declared in the publishes() of the plugin it is named after; declare it there");
        }
    }
}
