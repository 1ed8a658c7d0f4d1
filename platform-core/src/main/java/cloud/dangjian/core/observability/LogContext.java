package cloud.dangjian.core.observability;

import org.jboss.logging.MDC;

/**
 * The keys this platform puts into the logging MDC, so that every log line says which request and which tenant it
 * belongs to. On a Vert.x request the MDC lives in the request's duplicated context and follows it onto worker threads;
 * background work sets and clears it through {@code TenantScope}.
 */
public final class LogContext {

    /** The tenant the unit of work acts for; absent for platform-level work. */
    public static final String TENANT_ID = "tenantId";

    /** The request's id: the caller's {@code X-Request-Id} when it is well formed, else one generated at the edge. */
    public static final String REQUEST_ID = "requestId";

    private LogContext() {
    }

    /** Names the tenant in the MDC, or removes it when {@code tenantId} is null. */
    public static void tenant(String tenantId) {
        put(TENANT_ID, tenantId);
    }

    /** Names the request in the MDC, or removes it when {@code requestId} is null. */
    public static void request(String requestId) {
        put(REQUEST_ID, requestId);
    }

    private static void put(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}
