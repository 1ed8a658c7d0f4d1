package cloud.dangjian.core.web.rest;

import cloud.dangjian.core.audit.service.AuditTrail;
import cloud.dangjian.core.identity.domain.Permission;
import cloud.dangjian.core.web.service.Locales;
import cloud.dangjian.core.web.service.ShellAccess;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The tenant's audit trail in the console: who changed what, and who was refused, newest first. */
@Path("/t/{tenant}/admin/audit")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class AuditPages {

    /** Times as people in China read them. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Shanghai"));

    /** One line of the trail. */
    public record Line(String time, String who, String action, int status) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance audit(String tenant, List<Line> lines);
    }

    @Inject
    ShellAccess access;

    @Inject
    AuditTrail trail;

    @GET
    public TemplateInstance audit(@PathParam("tenant") String tenant, @CookieParam(Locales.COOKIE) String lang) {
        access.require(tenant, Permission.AUDIT_READ);
        List<Line> lines = trail.ofTenant(tenant, 200).stream().map(e -> new Line(TIME.format(e.occurredAt()),
                e.username() == null ? "—" : e.username(), e.action(), e.status())).toList();
        return Templates.audit(tenant, lines).setLocale(Locales.of(lang));
    }
}
