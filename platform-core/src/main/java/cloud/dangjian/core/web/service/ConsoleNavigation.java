package cloud.dangjian.core.web.service;

import cloud.dangjian.core.identity.domain.Permission;
import cloud.dangjian.core.identity.service.Caller;
import cloud.dangjian.core.plugin.spi.MenuEntry;
import cloud.dangjian.core.web.WebMessages;
import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The admin console's navigation for one caller in one tenant: the core's pages they may open, then the admin entries
 * of the plugins switched on there. Shown on every console page; the portal home lists the same links.
 */
@ApplicationScoped
public class ConsoleNavigation {

    /** One link; {@code current} marks the page being shown. */
    @TemplateData
    public record Item(String label, String href, boolean current) {
    }

    @Inject
    ShellNavigation plugins;

    /** The console's links for a page; {@code current} is the path of the console page it belongs to. */
    public List<Item> of(String tenant, Caller.TenantGrant grant, Locale locale, String current) {
        return links(tenant, grant, locale).stream()
                .map(link -> new Item(link.label(), link.href(), link.href().equals(current))).toList();
    }

    /** Every link, in the order the console shows them. */
    public List<ShellNavigation.Link> links(String tenant, Caller.TenantGrant grant, Locale locale) {
        WebMessages messages = Locales.messages(locale);
        String base = "/t/" + tenant + "/admin/";
        List<ShellNavigation.Link> links = new ArrayList<>();
        // Members read the tree through the API too, but the console is for those who keep the records.
        if (grant.permissions().contains(Permission.ORGANISATIONS_READ)
                && grant.permissions().contains(Permission.MEMBERS_READ)) {
            links.add(new ShellNavigation.Link(messages.organisations(), base + "organisations", 0));
        }
        if (grant.permissions().contains(Permission.MEMBERS_READ)) {
            links.add(new ShellNavigation.Link(messages.members(), base + "members", 1));
        }
        if (grant.permissions().contains(Permission.APPLICANTS_READ)) {
            links.add(new ShellNavigation.Link(messages.applicants(), base + "applicants", 2));
        }
        if (grant.permissions().contains(Permission.MEMBERS_WRITE) && grant.writableOrganisations().isEmpty()) {
            links.add(new ShellNavigation.Link(messages.bulk_import(), base + "import", 3));
        }
        if (grant.permissions().contains(Permission.NOTICES_PUBLISH)) {
            links.add(new ShellNavigation.Link(messages.publish_notice(), base + "notices", 4));
        }
        if (grant.permissions().contains(Permission.PLUGINS_MANAGE)) {
            links.add(new ShellNavigation.Link(messages.plugins(), base + "plugins", 5));
        }
        if (grant.permissions().contains(Permission.AUDIT_READ)) {
            links.add(new ShellNavigation.Link(messages.audit_trail(), base + "audit", 6));
        }
        links.sort(Comparator.comparingInt(ShellNavigation.Link::order));
        links.addAll(plugins.of(tenant, grant, MenuEntry.Surface.ADMIN, locale));
        return links;
    }
}
