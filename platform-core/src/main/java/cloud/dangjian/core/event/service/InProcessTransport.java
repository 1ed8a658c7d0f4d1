package cloud.dangjian.core.event.service;

import cloud.dangjian.core.event.DomainEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * The embedded default's transport: a SmallRye Reactive Messaging channel inside this process, acknowledged once the
 * {@link EventDispatcher} has run every consumer on the event. A message carries a batch (a relay pass), so that the
 * dispatcher can give each consumer its share in one transaction.
 */
@ApplicationScoped
public class InProcessTransport implements EventTransport {

    /** The in-process channel from the relay to the dispatcher. */
    public static final String CHANNEL = "domain-events";

    @Inject
    @Channel(CHANNEL)
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
    Emitter<List<DomainEvent>> emitter;

    @Override
    public CompletableFuture<Void> send(DomainEvent event) {
        return sendAll(List.of(event));
    }

    @Override
    public CompletableFuture<Void> sendAll(List<DomainEvent> events) {
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        emitter.send(Message.of(List.copyOf(events), () -> {
            acknowledged.complete(null);
            return CompletableFuture.completedFuture(null);
        }, failure -> {
            acknowledged.completeExceptionally(failure);
            return CompletableFuture.completedFuture(null);
        }));
        return acknowledged;
    }

    @Override
    public String describe() {
        return "in-process channel " + CHANNEL;
    }
}
