package cloud.dangjian.core.event.service;

import cloud.dangjian.core.event.DomainEvent;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Where the outbox relay hands events: in-process to the dispatcher, or to Kafka. The future completes when the event
 * is safely with the transport (processed in-process, or acknowledged by the brokers), and only then is the outbox row
 * marked published.
 */
public interface EventTransport {

    CompletableFuture<Void> send(DomainEvent event);

    /**
     * Hands over several events, in order; the future completes when all of them are safe. The default sends them one
     * by one; a transport that can keep them together (the in-process channel) hands them over as one batch, which the
     * dispatcher delivers to each consumer in one transaction.
     */
    default CompletableFuture<Void> sendAll(List<DomainEvent> events) {
        return CompletableFuture.allOf(events.stream().map(this::send).toArray(CompletableFuture[]::new));
    }

    /** For logs: where events go. */
    String describe();
}
