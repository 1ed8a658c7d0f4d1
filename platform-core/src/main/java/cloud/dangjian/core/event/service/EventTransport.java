package cloud.dangjian.core.event.service;

import cloud.dangjian.core.event.DomainEvent;
import java.util.concurrent.CompletableFuture;

/**
 * Where the outbox relay hands events: in-process to the dispatcher, or to Kafka. The future completes when the event
 * is safely with the transport (processed in-process, or acknowledged by the brokers), and only then is the outbox row
 * marked published.
 */
public interface EventTransport {

    CompletableFuture<Void> send(DomainEvent event);

    /** For logs: where events go. */
    String describe();
}
