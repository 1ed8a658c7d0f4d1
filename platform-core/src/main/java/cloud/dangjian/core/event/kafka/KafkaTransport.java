package cloud.dangjian.core.event.kafka;

import cloud.dangjian.core.event.DomainEvent;
import cloud.dangjian.core.event.service.EventTransport;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Production's transport: each event is a JSON record on one topic, keyed by tenant so that a tenant's events stay in
 * order on one partition. The producer is idempotent and waits for every in-sync replica before the outbox row is
 * marked published.
 */
@ApplicationScoped
public class KafkaTransport implements EventTransport {

    @Inject
    KafkaSettings settings;

    @Inject
    ObjectMapper objectMapper;

    private volatile KafkaProducer<String, String> producer;

    @Override
    public CompletableFuture<Void> send(DomainEvent event) {
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        String json;
        try {
            json = objectMapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            acknowledged.completeExceptionally(e);
            return acknowledged;
        }
        String key = event.tenantId() == null ? "" : event.tenantId();
        producer().send(new ProducerRecord<>(settings.topic(), key, json), (metadata, failure) -> {
            if (failure == null) {
                acknowledged.complete(null);
            } else {
                acknowledged.completeExceptionally(failure);
            }
        });
        return acknowledged;
    }

    @Override
    public String describe() {
        return "Kafka topic " + settings.topic();
    }

    private KafkaProducer<String, String> producer() {
        KafkaProducer<String, String> current = producer;
        if (current == null) {
            synchronized (this) {
                if (producer == null) {
                    Map<String, Object> config = settings.common();
                    config.put("acks", "all");
                    config.put("enable.idempotence", true);
                    config.put("linger.ms", 5);
                    producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
                }
                current = producer;
            }
        }
        return current;
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (producer != null) {
            producer.close(Duration.ofSeconds(10));
        }
    }
}
