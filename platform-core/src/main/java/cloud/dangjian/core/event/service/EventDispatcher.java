package cloud.dangjian.core.event.service;

import cloud.dangjian.core.event.DomainEvent;
import cloud.dangjian.core.plugin.service.PluginRegistry;
import cloud.dangjian.core.plugin.service.PluginStates;
import cloud.dangjian.core.plugin.spi.DomainEventConsumer;
import cloud.dangjian.core.plugin.spi.PluginDescriptor;
import cloud.dangjian.core.tenancy.context.TenantScope;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * Delivers each relayed event to every consumer that wants its type, one consumer at a time, each in its own
 * transaction as the event's tenant. The transaction first records the event as processed by that consumer; a
 * redelivered event finds the record and is skipped, and a failed one rolls the record back with the work. A failing
 * consumer is retried with exponential back-off, then the event is parked for that consumer (and only that consumer).
 * <p>
 * Events arrive in batches (a relay pass, a Kafka poll). A batch is split by tenant, and each consumer gets its share
 * of a tenant's events in one transaction ({@link DomainEventConsumer#consumeBatch}) that records them all as processed
 * with one statement. If that transaction fails, the same events go again one at a time, with the retries and parking
 * above, so a poison event is parked alone and the rest of its batch is processed.
 */
@ApplicationScoped
public class EventDispatcher {

    private static final Logger LOG = Logger.getLogger(EventDispatcher.class);

    @Inject
    @Any
    Instance<DomainEventConsumer> discovered;

    @Inject
    PluginRegistry plugins;

    @Inject
    PluginStates pluginStates;

    @Inject
    TenantScope tenantScope;

    @Inject
    EntityManager entityManager;

    @Inject
    ParkedEvents parked;

    @ConfigProperty(name = "dangjian.events.max-attempts", defaultValue = "4")
    int maxAttempts;

    @ConfigProperty(name = "dangjian.events.first-backoff-millis", defaultValue = "200")
    long firstBackoffMillis;

    private Map<String, DomainEventConsumer> consumers = Map.of();

    @PostConstruct
    void discover() {
        Map<String, DomainEventConsumer> found = new TreeMap<>();
        for (DomainEventConsumer consumer : discovered) {
            if (found.put(consumer.id(), consumer) != null) {
                throw new IllegalStateException("Two event consumers share the id '" + consumer.id() + "'");
            }
            if (consumer.pluginId() != null) {
                PluginDescriptor<?> descriptor = plugins.require(consumer.pluginId()).descriptor();
                for (String type : consumer.eventTypes()) {
                    if (!descriptor.consumes().contains(type)) {
                        throw new IllegalStateException("Consumer '" + consumer.id() + "' listens to '" + type
                                + "', which plugin '" + descriptor.id() + "' does not declare in consumes()");
                    }
                }
            }
        }
        consumers = found;
    }

    @Incoming(InProcessTransport.CHANNEL)
    @Blocking
    public CompletionStage<Void> receive(Message<List<DomainEvent>> message) {
        try {
            deliverAll(message.getPayload());
        } catch (RuntimeException e) {
            // Not a consumer's failure (those are parked): leave the event pending so the relay sends it again.
            return message.nack(e);
        }
        return message.ack();
    }

    /** Hands an event to every interested consumer, parking it for each consumer that keeps failing. */
    public void deliver(DomainEvent event) {
        deliverAll(List.of(event));
    }

    /**
     * Hands a batch of events to every interested consumer: per tenant (in the order the tenants first appear) and
     * consumer, that tenant's events of the consumer's types in one transaction, falling back to one at a time when it
     * fails. Events of one tenant keep their order for each consumer.
     */
    public void deliverAll(List<DomainEvent> events) {
        Map<String, List<DomainEvent>> byTenant = new LinkedHashMap<>();
        for (DomainEvent event : events) {
            if (event.tenantId() != null) {
                byTenant.computeIfAbsent(event.tenantId(), tenant -> new ArrayList<>()).add(event);
            }
        }
        byTenant.forEach((tenant, ofTenant) -> {
            for (DomainEventConsumer consumer : consumers.values()) {
                List<DomainEvent> wanted = ofTenant.stream()
                        .filter(event -> consumer.eventTypes().contains(event.type())).toList();
                if (wanted.isEmpty() || !wants(consumer, tenant)) {
                    continue;
                }
                if (wanted.size() == 1) {
                    deliverWithRetries(consumer, wanted.get(0));
                } else {
                    deliverBatch(consumer, wanted);
                }
            }
        });
    }

    public Optional<DomainEventConsumer> consumer(String id) {
        return Optional.ofNullable(consumers.get(id));
    }

    /**
     * Runs one consumer on one event once, as the event's tenant, unless it has already processed it.
     *
     * @return whether the consumer ran (false: processed before)
     */
    public boolean processOnce(DomainEventConsumer consumer, DomainEvent event) {
        return tenantScope.inTransaction(event.tenantId(), () -> {
            int recorded = entityManager.createNativeQuery("""
                    INSERT INTO processed_events (tenant_id, consumer_id, event_id) VALUES (?1, ?2, ?3)
                    ON CONFLICT DO NOTHING""").setParameter(1, event.tenantId()).setParameter(2, consumer.id())
                    .setParameter(3, event.id()).executeUpdate();
            if (recorded == 0) {
                return false;
            }
            consumer.consume(event);
            return true;
        });
    }

    /**
     * Runs one consumer once on those of a tenant's events it has not processed yet, in one transaction as that tenant
     * that records them all as processed. Duplicates within the batch count once.
     *
     * @param events
     *            events of one tenant
     *
     * @return how many events the consumer was given (the others were processed before)
     */
    public int processBatch(DomainEventConsumer consumer, List<DomainEvent> events) {
        if (events.isEmpty()) {
            return 0;
        }
        String tenant = events.get(0).tenantId();
        Map<UUID, DomainEvent> distinct = new LinkedHashMap<>();
        for (DomainEvent event : events) {
            if (!tenant.equals(event.tenantId())) {
                throw new IllegalArgumentException(
                        "A batch holds events of one tenant: " + tenant + " and " + event.tenantId());
            }
            distinct.putIfAbsent(event.id(), event);
        }
        return tenantScope.inTransaction(tenant, () -> {
            Set<UUID> recorded = recordProcessed(tenant, consumer.id(), distinct.keySet());
            List<DomainEvent> fresh = distinct.values().stream().filter(event -> recorded.contains(event.id()))
                    .toList();
            if (!fresh.isEmpty()) {
                consumer.consumeBatch(fresh);
            }
            return fresh.size();
        });
    }

    /**
     * Records events as processed by a consumer, in one statement; returns those not recorded before. Rows are written
     * in the database's order of event ids, so two deliveries of overlapping batches wait for each other instead of
     * deadlocking.
     */
    private Set<UUID> recordProcessed(String tenant, String consumerId, Collection<UUID> ids) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO processed_events (tenant_id, consumer_id, event_id)
                    SELECT ?, ?, e FROM unnest(?) AS e ORDER BY e
                    ON CONFLICT DO NOTHING RETURNING event_id""")) {
                insert.setString(1, tenant);
                insert.setString(2, consumerId);
                insert.setArray(3, connection.createArrayOf("uuid", ids.toArray(UUID[]::new)));
                Set<UUID> recorded = new HashSet<>();
                try (ResultSet rs = insert.executeQuery()) {
                    while (rs.next()) {
                        recorded.add(rs.getObject(1, UUID.class));
                    }
                }
                return recorded;
            }
        });
    }

    private boolean wants(DomainEventConsumer consumer, String tenant) {
        // A plugin switched off for a tenant hears nothing from it; events meanwhile are not replayed later.
        return consumer.pluginId() == null
                || tenantScope.call(tenant, () -> pluginStates.isEnabled(tenant, consumer.pluginId()));
    }

    private void deliverBatch(DomainEventConsumer consumer, List<DomainEvent> events) {
        try {
            processBatch(consumer, events);
            return;
        } catch (RuntimeException e) {
            LOG.debugf(e, "Consumer %s failed on a batch of %d events; delivering them one at a time", consumer.id(),
                    events.size());
        }
        for (DomainEvent event : events) {
            deliverWithRetries(consumer, event);
        }
    }

    private void deliverWithRetries(DomainEventConsumer consumer, DomainEvent event) {
        List<String> failures = new ArrayList<>();
        long backoff = firstBackoffMillis;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            try {
                processOnce(consumer, event);
                return;
            } catch (RuntimeException e) {
                failures.add(describe(e));
                LOG.debugf(e, "Consumer %s failed on event %s (attempt %d of %d)", consumer.id(), event.id(), attempt,
                        maxAttempts);
            }
            if (attempt < maxAttempts) {
                sleep(backoff);
                backoff *= 2;
            }
        }
        LOG.warnf("Consumer %s failed %d times on event %s (%s); parked: %s", consumer.id(), maxAttempts, event.id(),
                event.type(), failures.get(failures.size() - 1));
        parked.park(consumer.id(), event, maxAttempts, failures.get(failures.size() - 1));
    }

    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getClass().getSimpleName() + ": " + root.getMessage();
        return message.length() > 2000 ? message.substring(0, 2000) : message;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while backing off", e);
        }
    }
}
