package cloud.dangjian.core.web;

import cloud.dangjian.core.problem.Problem;
import cloud.dangjian.core.web.service.Locales;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Pages answer errors as pages: a problem raised under {@code /t/…} is rendered in the shell's layout, in the user's
 * language, with the same status. The API keeps its problem+json.
 */
public class ErrorPages {

    @Inject
    @Location("error.html")
    Template error;

    @ServerResponseFilter
    public void renderProblemsOfPages(ContainerRequestContext request, ContainerResponseContext response) {
        if (!request.getUriInfo().getPath().startsWith("/t") || !(response.getEntity() instanceof Problem problem)) {
            return;
        }
        Cookie lang = request.getCookies().get(Locales.COOKIE);
        String html = error.data("problem", problem).setLocale(Locales.of(lang == null ? null : lang.getValue()))
                .render();
        response.setEntity(html, null, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
    }
}
