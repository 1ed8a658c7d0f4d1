package cloud.dangjian.core.event.service;

import cloud.dangjian.core.plugin.spi.DomainEventConsumer;
import cloud.dangjian.core.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response.Status;

/** An administrator's retry of a parked event: one more run of its consumer, resolving it on success. */
@ApplicationScoped
public class ParkedEventRetries {

    @Inject
    ParkedEvents parked;

    @Inject
    EventDispatcher dispatcher;

    public ParkedEvents.Parked retry(long id) {
        ParkedEvents.Parked event = parked.find(id).orElseThrow(() -> ProblemException.notFound("Parked event", id));
        if (event.resolvedAt() != null) {
            throw ProblemException.conflict("id", "parked event " + id + " is already resolved");
        }
        DomainEventConsumer consumer = dispatcher.consumer(event.consumerId()).orElseThrow(() -> ProblemException
                .conflict("consumerId", "consumer '" + event.consumerId() + "' no longer exists in this version"));
        try {
            dispatcher.processOnce(consumer, event.event());
        } catch (RuntimeException e) {
            String error = EventDispatcher.describe(e);
            parked.recordRetry(id, error);
            throw new ProblemException(Status.CONFLICT, "event-retry-failed", "The consumer failed again", error, null,
                    null);
        }
        parked.recordRetry(id, null);
        return parked.find(id).orElseThrow();
    }
}
