package cloud.dangjian.core.plugin.noticeboard;

import cloud.dangjian.core.event.DomainEvent;
import cloud.dangjian.core.plugin.spi.DomainEventConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes a receipt for each posted notice. A title starting with "poison" fails until {@link #CURED} is set, to show
 * retries, parking and an administrator's retry.
 */
@ApplicationScoped
public class NoticeReceiptConsumer implements DomainEventConsumer {

    public static final AtomicInteger CALLS = new AtomicInteger();
    public static final AtomicBoolean CURED = new AtomicBoolean();

    @Inject
    EntityManager entityManager;

    @Override
    public String id() {
        return "noticeboard.receipts";
    }

    @Override
    public String pluginId() {
        return NoticeboardPlugin.ID;
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(NoticeboardPlugin.NOTICE_POSTED);
    }

    @Override
    public void consume(DomainEvent event) {
        CALLS.incrementAndGet();
        String title = event.payload().get("title").asText();
        // Written before failing: a failed attempt must leave no receipt behind.
        entityManager
                .createNativeQuery("INSERT INTO noticeboard_receipts (tenant_id, event_id, title) VALUES (?1, ?2, ?3)")
                .setParameter(1, event.tenantId()).setParameter(2, event.id()).setParameter(3, title).executeUpdate();
        if (title.startsWith("poison") && !CURED.get()) {
            throw new IllegalStateException("cannot digest " + title);
        }
    }
}
