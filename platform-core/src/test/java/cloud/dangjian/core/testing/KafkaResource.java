package cloud.dangjian.core.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import no.shhsoft.k3aembedded.K3aEmbedded;

/**
 * A real Kafka broker in KRaft mode, started from Maven Central jars in this JVM, for the tests that put the domain
 * events on Kafka as production does. Register it on a test class with {@code restrictToAnnotatedClass = true}: every
 * other test keeps the in-process transport.
 */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {

    private K3aEmbedded kafka;

    @Override
    public Map<String, String> start() {
        kafka = new K3aEmbedded.Builder().build();
        kafka.start();
        return Map.of("kafka.bootstrap.servers", kafka.getBootstrapServers());
    }

    @Override
    public void stop() {
        if (kafka != null) {
            kafka.stop();
        }
    }
}
