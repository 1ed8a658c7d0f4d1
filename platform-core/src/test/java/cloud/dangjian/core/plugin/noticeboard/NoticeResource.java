package cloud.dangjian.core.plugin.noticeboard;

import cloud.dangjian.core.event.service.DomainEvents;
import cloud.dangjian.core.identity.RequiresPermission;
import cloud.dangjian.core.plugin.service.PluginStates;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import java.util.Map;

/** The test plugin's API, under its id like every plugin's. */
@Path("/api/t/{tenant}/noticeboard")
public class NoticeResource {

    /** A notice to post. */
    public record NewNotice(@NotBlank String title) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    DomainEvents events;

    @Inject
    PluginStates states;

    @GET
    @Path("/notices")
    @RequiresPermission(NoticeboardPlugin.READ)
    @Transactional
    @SuppressWarnings("unchecked")
    public List<String> notices(@PathParam("tenant") String tenant) {
        return entityManager.createNativeQuery("SELECT title FROM noticeboard_notices ORDER BY id").getResultList();
    }

    @GET
    @Path("/settings")
    @RequiresPermission(NoticeboardPlugin.READ)
    public NoticeboardConfig settings(@PathParam("tenant") String tenant) {
        return states.configuration(NoticeboardPlugin.DESCRIPTOR);
    }

    @POST
    @Path("/notices")
    @RequiresPermission(NoticeboardPlugin.POST)
    @Transactional
    public Map<String, Object> post(@PathParam("tenant") String tenant, NewNotice notice) {
        entityManager.createNativeQuery("INSERT INTO noticeboard_notices (tenant_id, title) VALUES (?1, ?2)")
                .setParameter(1, tenant).setParameter(2, notice.title()).executeUpdate();
        return Map.of("event", events.publish(NoticeboardPlugin.NOTICE_POSTED, Map.of("title", notice.title())).id());
    }

    @GET
    @Path("/receipts")
    @RequiresPermission(NoticeboardPlugin.READ)
    @Transactional
    @SuppressWarnings("unchecked")
    public List<String> receipts(@PathParam("tenant") String tenant) {
        return entityManager.createNativeQuery("SELECT title FROM noticeboard_receipts ORDER BY title").getResultList();
    }
}
