package cloud.dangjian.core.event.service;

import cloud.dangjian.core.event.DomainEvent;
import cloud.dangjian.core.plugin.service.PluginRegistry;
import cloud.dangjian.core.plugin.service.PluginStates;
import cloud.dangjian.core.plugin.spi.DomainEventConsumer;
import cloud.dangjian.core.plugin.spi.PluginDescriptor;
import cloud.dangjian.core.tenancy.context.TenantScope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Delivers each relayed event to every consumer that wants its type, one consumer at a time, each in its own
 * transaction as the event's tenant. The transaction first records the event as processed by that consumer; a
 * redelivered event finds the record and is skipped, and a failed one rolls the record back with the work. A failing
 * consumer is retried with exponential back-off, then the event is parked for that consumer (and only that consumer).
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
    public CompletionStage<Void> receive(Message<DomainEvent> message) {
        try {
            deliver(message.getPayload());
        } catch (RuntimeException e) {
            // Not a consumer's failure (those are parked): leave the event pending so the relay sends it again.
            return message.nack(e);
        }
        return message.ack();
    }

    /** Hands an event to every interested consumer, parking it for each consumer that keeps failing. */
    public void deliver(DomainEvent event) {
        if (event.tenantId() == null) {
            return;
        }
        for (DomainEventConsumer consumer : consumers.values()) {
            if (consumer.eventTypes().contains(event.type()) && wants(consumer, event)) {
                deliverWithRetries(consumer, event);
            }
        }
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
        return tenantScope.call(event.tenantId(), () -> QuarkusTransaction.requiringNew().call(() -> {
            int recorded = entityManager.createNativeQuery("""
                    INSERT INTO processed_events (tenant_id, consumer_id, event_id) VALUES (?1, ?2, ?3)
                    ON CONFLICT DO NOTHING""").setParameter(1, event.tenantId()).setParameter(2, consumer.id())
                    .setParameter(3, event.id()).executeUpdate();
            if (recorded == 0) {
                return false;
            }
            consumer.consume(event);
            return true;
        }));
    }

    private boolean wants(DomainEventConsumer consumer, DomainEvent event) {
        // A plugin switched off for a tenant hears nothing from it; events meanwhile are not replayed later.
        return consumer.pluginId() == null || tenantScope.call(event.tenantId(),
                () -> pluginStates.isEnabled(event.tenantId(), consumer.pluginId()));
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
