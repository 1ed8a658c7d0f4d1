package cloud.dangjian.core.plugin.spi;

import cloud.dangjian.core.event.DomainEvent;
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
}
