package cloud.dangjian.core.plugin.noticeboard;

import cloud.dangjian.core.tenancy.context.TenantScope;
import cloud.dangjian.core.web.service.ShellAccess;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The test plugin's page in the web shell, where its portal menu entry leads. */
@Path("/t/{tenant}/noticeboard")
@Authenticated
public class NoticePage {

    @Inject
    ShellAccess access;

    @Inject
    TenantScope tenantScope;

    @Inject
    EntityManager entityManager;

    @GET
    @Produces(MediaType.TEXT_HTML)
    @SuppressWarnings("unchecked")
    public String notices(@PathParam("tenant") String tenant) {
        access.grantIn(tenant);
        List<String> titles = tenantScope.call(tenant, () -> QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("SELECT title FROM noticeboard_notices ORDER BY id").getResultList()));
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                + "<title>公告</title></head><body><h1>公告</h1><ul id=\"notices\">");
        titles.forEach(title -> html.append("<li>").append(title.replace("<", "&lt;")).append("</li>"));
        return html.append("</ul></body></html>").toString();
    }
}
