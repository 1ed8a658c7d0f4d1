package cloud.dangjian.core.plugin.spi;

import cloud.dangjian.core.event.DomainEvent;
import java.util.List;
import java.util.Set;

/**
 * Consumes domain events, as a CDI bean. The core delivers each event to each consumer at most once in effect: the
 * consumer runs as the event's tenant, inside a transaction that also records the event as processed, so a redelivered
 * event is skipped and a failed one leaves nothing behind. Failures are retried with back-off, then the event is parked
 * where a platform administrator can see and retry it.
 * <p>
 * A consumer that belongs to a plugin receives events only of tenants where that plugin is on.
 */
public interface DomainEventConsumer {

    /** A stable name, recorded with every processed event: {@code <plugin-id>.<what-it-does>}. */
    String id();

    /** The plugin this consumer belongs to, or null for the core. */
    String pluginId();

    /** The event types it wants, for example {@code learning.course-completed}. */
    Set<String> eventTypes();

    void consume(DomainEvent event);

    /**
     * Consumes several events at once, in one transaction that also records all of them as processed. The events are of
     * one tenant (the current one), of types this consumer wants, distinct, not processed by it before, and in the
     * order they were published. If it throws, nothing of the batch is kept and the dispatcher delivers the same events
     * again one at a time through {@link #consume}, so one poison event is retried and parked alone.
     * <p>
     * The default consumes them one after the other; a consumer with a per-event fixed cost (a lock, a read of its own
     * state) overrides it to pay that cost once per batch.
     */
    default void consumeBatch(List<DomainEvent> events) {
        for (DomainEvent event : events) {
            consume(event);
        }
    }
}
