package cloud.dangjian.core.web.rest;

import cloud.dangjian.core.identity.domain.Permission;
import cloud.dangjian.core.identity.service.Caller;
import cloud.dangjian.core.plugin.rest.PluginViews;
import cloud.dangjian.core.plugin.service.PluginRegistry;
import cloud.dangjian.core.plugin.service.PluginSwitchboard;
import cloud.dangjian.core.plugin.spi.DangjianPlugin;
import cloud.dangjian.core.problem.ProblemException;
import cloud.dangjian.core.tenancy.context.TenantScope;
import cloud.dangjian.core.web.service.FormTokens;
import cloud.dangjian.core.web.service.Locales;
import cloud.dangjian.core.web.service.PluginForms;
import cloud.dangjian.core.web.service.ShellAccess;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The admin console's plugin page: a switch and a settings form per plugin, generated from its configuration record. A
 * refused form comes back with each error beside its field, in the user's language, and what they typed kept.
 */
@Path("/t/{tenant}/admin/plugins")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class AdminPluginPages {

    /** What the page shows. */
    public record Page(String tenant, List<PluginForms.Form> plugins, String csrf) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance plugins(Page page);
    }

    @Inject
    ShellAccess access;

    @Inject
    Caller caller;

    @Inject
    PluginRegistry registry;

    @Inject
    PluginViews views;

    @Inject
    PluginSwitchboard switchboard;

    @Inject
    TenantScope tenantScope;

    @Inject
    FormTokens formTokens;

    @GET
    public TemplateInstance show(@PathParam("tenant") String tenant, @QueryParam("saved") String saved,
            @CookieParam(Locales.COOKIE) String lang) {
        requireManager(tenant);
        Locale locale = Locales.of(lang);
        List<PluginForms.Form> forms = new ArrayList<>();
        for (DangjianPlugin<?> plugin : registry.all()) {
            forms.add(PluginForms.form(views.of(tenant, plugin.descriptor()), locale, Map.of(), null, Map.of(),
                    plugin.descriptor().id().equals(saved)));
        }
        return page(tenant, forms, locale);
    }

    @POST
    @Path("/{plugin}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response change(@PathParam("tenant") String tenant, @PathParam("plugin") String pluginId,
            MultivaluedMap<String, String> form, @CookieParam(Locales.COOKIE) String lang) {
        requireManager(tenant);
        if (!formTokens.valid(form.getFirst(FormTokens.FIELD), caller.username(), tenant)) {
            throw new ForbiddenException("The form is out of date; reload the page and submit again");
        }
        DangjianPlugin<?> plugin = registry.require(pluginId);
        PluginViews.PluginView view = views.of(tenant, plugin.descriptor());
        Map<String, String> typed = new HashMap<>();
        form.forEach((name, values) -> {
            if (name.startsWith("config.") && !values.isEmpty()) {
                // A multiple choice (checkboxes) sends one value per ticked box.
                typed.put(name.substring("config.".length()), String.join(",", values));
            }
        });
        boolean enabled = form.containsKey("enabled");
        Map<String, String> errors = new HashMap<>();
        Map<String, Object> overrides = PluginForms.overrides(view, typed, errors);
        if (errors.isEmpty()) {
            try {
                tenantScope.run(tenant, () -> switchboard.change(pluginId, enabled, overrides, caller.username()));
                return Response
                        .seeOther(URI.create("/t/" + tenant + "/admin/plugins?saved=" + pluginId + "#" + pluginId))
                        .build();
            } catch (ProblemException refused) {
                errors.putAll(PluginForms.errorsOf(refused.toProblem()));
            }
        }
        Locale locale = Locales.of(lang);
        List<PluginForms.Form> forms = new ArrayList<>();
        for (DangjianPlugin<?> each : registry.all()) {
            String id = each.descriptor().id();
            forms.add(id.equals(pluginId)
                    ? PluginForms.form(view, locale, typed, enabled, withMessages(errors, locale), false)
                    : PluginForms.form(views.of(tenant, each.descriptor()), locale, Map.of(), null, Map.of(), false));
        }
        return Response.status(400).entity(page(tenant, forms, locale)).build();
    }

    private TemplateInstance page(String tenant, List<PluginForms.Form> forms, Locale locale) {
        return Templates.plugins(new Page(tenant, forms, formTokens.issue(caller.username(), tenant)))
                .setLocale(locale);
    }

    private void requireManager(String tenant) {
        access.require(tenant, Permission.PLUGINS_MANAGE);
    }

    /** Bean Validation speaks the server's language; a value of the wrong kind gets the shell's own message. */
    private static Map<String, String> withMessages(Map<String, String> errors, Locale locale) {
        Map<String, String> messages = new HashMap<>();
        errors.forEach((field, message) -> messages.put(field,
                message.isEmpty() ? (Locale.ENGLISH.equals(locale) ? "must be a number" : "请输入数字") : message));
        return messages;
    }
}
