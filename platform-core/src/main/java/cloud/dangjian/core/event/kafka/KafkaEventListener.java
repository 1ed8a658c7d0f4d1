package cloud.dangjian.core.event.kafka;

import cloud.dangjian.core.event.DomainEvent;
import cloud.dangjian.core.event.service.EventDispatcher;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Consumes the events topic in production and hands each poll's events to the {@link EventDispatcher} as one batch,
 * committing the partitions' offsets only after the batch was processed. A node that stops mid-batch leaves the rest
 * uncommitted: they are delivered again after a restart or rebalance, and the dispatcher's processed-event records make
 * that a no-op for every consumer that already ran.
 */
@ApplicationScoped
public class KafkaEventListener {

    private static final Logger LOG = Logger.getLogger(KafkaEventListener.class);

    @Inject
    KafkaSettings settings;

    @Inject
    EventDispatcher dispatcher;

    @Inject
    ObjectMapper objectMapper;

    private volatile boolean running;
    private volatile KafkaConsumer<String, String> consumer;
    private Thread thread;

    void onStart(@Observes StartupEvent start) {
        if (settings.enabled()) {
            start();
        }
    }

    void onStop(@Observes ShutdownEvent shutdown) {
        stop();
    }

    /** Starts consuming from the committed offsets (the earliest, for a new group). */
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::consume, "kafka-domain-events");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops after the batch in hand, committing what was processed: what a node going away does. */
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        KafkaConsumer<String, String> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        try {
            thread.join(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @ConfigProperty(name = "dangjian.events.relay-batch-size", defaultValue = "500")
    int pollRecords;

    private void consume() {
        Map<String, Object> config = settings.common();
        config.put("group.id", settings.groupId());
        config.put("enable.auto.commit", false);
        config.put("auto.offset.reset", "earliest");
        // A poll is one batch for the consumers, as large as a relay pass on the embedded default.
        config.put("max.poll.records", pollRecords);
        try (KafkaConsumer<String, String> kafka = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer = kafka;
            kafka.subscribe(List.of(settings.topic()));
            while (running) {
                ConsumerRecords<String, String> records = kafka.poll(Duration.ofMillis(500));
                if (records.isEmpty()) {
                    continue;
                }
                if (deliver(records)) {
                    Map<TopicPartition, OffsetAndMetadata> processed = new HashMap<>();
                    for (TopicPartition partition : records.partitions()) {
                        List<ConsumerRecord<String, String>> ofPartition = records.records(partition);
                        processed.put(partition,
                                new OffsetAndMetadata(ofPartition.get(ofPartition.size() - 1).offset() + 1));
                    }
                    kafka.commitSync(processed);
                } else {
                    // Not a consumer's failure (those are parked) but the platform's, e.g. the database: go back to
                    // the start of this poll and try again shortly; what was processed is skipped the second time.
                    for (TopicPartition partition : records.partitions()) {
                        kafka.seek(partition, records.records(partition).get(0).offset());
                    }
                    sleep();
                }
            }
        } catch (WakeupException stopping) {
            // stop() woke the consumer up; closing it leaves the group.
        } catch (RuntimeException e) {
            LOG.errorf(e, "The Kafka events listener stopped; events wait in the topic until it is restarted");
        } finally {
            consumer = null;
        }
    }

    /** Hands one poll's events to the dispatcher as one batch; false when the platform failed on them. */
    private boolean deliver(ConsumerRecords<String, String> records) {
        List<DomainEvent> events = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> record : records) {
            try {
                events.add(objectMapper.readValue(record.value(), DomainEvent.class));
            } catch (JsonProcessingException e) {
                LOG.errorf("Skipping a record that is not a domain event at %s-%d@%d: %s", record.topic(),
                        record.partition(), record.offset(), e.getOriginalMessage());
            }
        }
        try {
            dispatcher.deliverAll(events);
            return true;
        } catch (RuntimeException e) {
            LOG.warnf(e, "Delivering %d events failed; retrying", events.size());
            return false;
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
