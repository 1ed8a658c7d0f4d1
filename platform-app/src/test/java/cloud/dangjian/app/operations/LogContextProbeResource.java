package cloud.dangjian.app.operations;

import cloud.dangjian.core.identity.RequiresPermission;
import cloud.dangjian.core.identity.domain.Permission;
import cloud.dangjian.core.observability.LogContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.HashMap;
import java.util.Map;
import org.jboss.logging.MDC;

/** Test-only endpoint: answers what a log line written inside a tenant request would carry in its MDC. */
@Path("/api/t/{tenant}/log-context-probe")
public class LogContextProbeResource {

    @GET
    @RequiresPermission(Permission.MEMBERS_READ)
    public Map<String, Object> mdc() {
        Map<String, Object> mdc = new HashMap<>();
        mdc.put("tenantId", MDC.get(LogContext.TENANT_ID));
        mdc.put("requestId", MDC.get(LogContext.REQUEST_ID));
        mdc.put("thread", Thread.currentThread().getName());
        return mdc;
    }
}
