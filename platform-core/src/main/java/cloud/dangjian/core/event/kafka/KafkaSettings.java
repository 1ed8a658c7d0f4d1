package cloud.dangjian.core.event.kafka;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Kafka for the domain events, on when {@code kafka.bootstrap.servers} ({@code KAFKA_BOOTSTRAP_SERVERS}) is set: the
 * production path. Security settings ({@code kafka.security.protocol}, {@code kafka.sasl.mechanism},
 * {@code kafka.sasl.jaas.config}) pass through to the clients.
 */
@ApplicationScoped
public class KafkaSettings {

    private static final String[] PASSED_THROUGH = { "security.protocol", "sasl.mechanism", "sasl.jaas.config" };

    @ConfigProperty(name = "kafka.bootstrap.servers")
    Optional<String> bootstrapServers;

    @ConfigProperty(name = "dangjian.events.kafka.topic", defaultValue = "dangjian.domain-events")
    String topic;

    @ConfigProperty(name = "dangjian.events.kafka.group-id", defaultValue = "dangjian-platform")
    String groupId;

    @Inject
    Config config;

    public boolean enabled() {
        return bootstrapServers.filter(servers -> !servers.isBlank()).isPresent();
    }

    public String topic() {
        return topic;
    }

    public String groupId() {
        return groupId;
    }

    /** The settings every client gets: the brokers and, when set, how to authenticate to them. */
    public Map<String, Object> common() {
        Map<String, Object> settings = new HashMap<>();
        settings.put("bootstrap.servers", bootstrapServers.orElseThrow());
        for (String name : PASSED_THROUGH) {
            config.getOptionalValue("kafka." + name, String.class).filter(value -> !value.isBlank())
                    .ifPresent(value -> settings.put(name, value));
        }
        return settings;
    }
}
