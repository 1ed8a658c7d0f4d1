package cloud.dangjian.core.web.service;

import cloud.dangjian.core.identity.service.Caller;
import cloud.dangjian.core.plugin.service.PluginRegistry;
import cloud.dangjian.core.plugin.service.PluginStates;
import cloud.dangjian.core.plugin.spi.DangjianPlugin;
import cloud.dangjian.core.plugin.spi.MenuEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The entries of the shell's navigation for one caller in one tenant: those of every plugin switched on there whose
 * permission the caller holds. A plugin switched off disappears for that tenant only.
 */
@ApplicationScoped
public class ShellNavigation {

    /** One link of the navigation. */
    public record Link(String label, String href, int order) {
    }

    @Inject
    PluginRegistry registry;

    @Inject
    PluginStates states;

    public List<Link> of(String tenant, Caller.TenantGrant grant, MenuEntry.Surface surface, Locale locale) {
        List<Link> links = new ArrayList<>();
        for (DangjianPlugin<?> plugin : registry.all()) {
            String id = plugin.descriptor().id();
            if (!states.isEnabled(tenant, id)) {
                continue;
            }
            for (MenuEntry entry : plugin.descriptor().menu()) {
                if (entry.surface() == surface
                        && (entry.permission() == null || grant.permissions().contains(entry.permission()))) {
                    links.add(new Link(entry.label().in(locale), "/t/" + tenant + "/" + id + "/" + entry.path(),
                            entry.order()));
                }
            }
        }
        links.sort(Comparator.comparingInt(Link::order).thenComparing(Link::label));
        return links;
    }
}
