package cloud.dangjian.core.plugin;

import static cloud.dangjian.core.plugin.PluginTenants.postNotice;
import static cloud.dangjian.core.plugin.PluginTenants.receipts;
import static cloud.dangjian.core.plugin.PluginTenants.tenantWithNoticeboardOn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.dangjian.core.event.kafka.KafkaEventListener;
import cloud.dangjian.core.event.kafka.KafkaSettings;
import cloud.dangjian.core.testing.KafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/** Domain events through a real Kafka broker, as in production. */
@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = true)
class KafkaEventsTest {

    @Inject
    KafkaEventListener listener;

    @Inject
    KafkaSettings settings;

    @Test
    void shouldRelayThroughKafkaAndResumeAfterAConsumerRestartWithoutLossOrDuplicates() throws Exception {
        String tenant = tenantWithNoticeboardOn();

        UUID first = postNotice(tenant, "经由 Kafka");
        await(() -> receipts(tenant).equals(List.of("经由 Kafka")));
        assertTrue(topicHolds(first), "the event travelled on the Kafka topic");

        listener.stop();
        List<UUID> whileDown = new ArrayList<>();
        for (String title : List.of("停机时一", "停机时二", "停机时三")) {
            whileDown.add(postNotice(tenant, title));
        }
        await(() -> whileDown.stream().allMatch(this::topicHolds));
        assertEquals(List.of("经由 Kafka"), receipts(tenant), "nobody consumes while the listener is down");
        listener.start();
        await(() -> receipts(tenant).size() == 4);

        // The group reads the whole topic again, as after losing its committed offsets: nothing reaches the plugin
        // twice.
        listener.stop();
        rewindGroup();
        listener.start();
        postNotice(tenant, "重放之后");
        await(() -> receipts(tenant).size() == 5);
        assertEquals(List.of("停机时一", "停机时三", "停机时二", "经由 Kafka", "重放之后").stream().sorted().toList(),
                receipts(tenant).stream().sorted().toList());
    }

    private boolean topicHolds(UUID event) {
        Map<String, Object> config = settings.common();
        config.put("group.id", "test-reader-" + UUID.randomUUID());
        config.put("auto.offset.reset", "earliest");
        try (KafkaConsumer<String, String> reader = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            reader.subscribe(List.of(settings.topic()));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < deadline) {
                for (var record : reader.poll(Duration.ofMillis(500))) {
                    if (record.value().contains(event.toString())) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    private void rewindGroup() throws Exception {
        try (Admin admin = Admin.create(settings.common())) {
            var partitions = admin.describeTopics(List.of(settings.topic())).allTopicNames().get().get(settings.topic())
                    .partitions();
            Map<TopicPartition, OffsetSpec> earliest = new java.util.HashMap<>();
            partitions.forEach(
                    p -> earliest.put(new TopicPartition(settings.topic(), p.partition()), OffsetSpec.earliest()));
            Map<TopicPartition, OffsetAndMetadata> rewind = new java.util.HashMap<>();
            admin.listOffsets(earliest).all().get()
                    .forEach((partition, info) -> rewind.put(partition, new OffsetAndMetadata(info.offset())));
            admin.alterConsumerGroupOffsets(settings.groupId(), rewind).all().get();
        }
    }

    private static void await(BooleanSupplier condition) {
        PluginTenants.await(Duration.ofSeconds(60), condition);
    }
}
