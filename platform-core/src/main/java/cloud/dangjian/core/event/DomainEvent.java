package cloud.dangjian.core.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * Something that happened in a tenant, as every consumer sees it.
 *
 * @param id
 *            unique; consumers are idempotent by it
 * @param type
 *            {@code <plugin-id>.<what-happened>}, or {@code platform.<what-happened>} for the core
 * @param tenantId
 *            the tenant it happened in; null for platform-level events (a region's defaults), which are relayed but
 *            delivered to no in-process consumer
 * @param payload
 *            a JSON object; its shape is part of the publishing plugin's documented contract
 */
public record DomainEvent(UUID id, String type, String tenantId, Instant occurredAt, JsonNode payload) {
}
