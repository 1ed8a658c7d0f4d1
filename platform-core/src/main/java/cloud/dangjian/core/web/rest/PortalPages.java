package cloud.dangjian.core.web.rest;

import cloud.dangjian.core.identity.domain.Permission;
import cloud.dangjian.core.identity.service.Caller;
import cloud.dangjian.core.identity.service.MembershipDirectory;
import cloud.dangjian.core.member.domain.Member;
import cloud.dangjian.core.member.domain.MemberRepository;
import cloud.dangjian.core.notice.service.NoticeBoard;
import cloud.dangjian.core.notice.service.NoticeBoard.NoticeLine;
import cloud.dangjian.core.notice.service.NoticeReader;
import cloud.dangjian.core.notice.service.NoticeReaders;
import cloud.dangjian.core.plugin.spi.MenuEntry;
import cloud.dangjian.core.plugin.spi.PortalTaskSource;
import cloud.dangjian.core.tenancy.context.TenantScope;
import cloud.dangjian.core.tenancy.domain.Tenant;
import cloud.dangjian.core.tenancy.domain.TenantRepository;
import cloud.dangjian.core.web.service.ConsoleNavigation;
import cloud.dangjian.core.web.service.Locales;
import cloud.dangjian.core.web.service.MyTasks;
import cloud.dangjian.core.web.service.ShellAccess;
import cloud.dangjian.core.web.service.ShellNavigation;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeMap;

/** The member portal, phones first: the tenant picker and a tenant's home with the entries of its plugins. */
@Path("/t")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class PortalPages {

    /** A tenant the caller may enter. */
    public record TenantChoice(String id, String name) {
    }

    /**
     * The picker: the tenants found, what was searched for, whether to offer the search (administrators of regions),
     * and whether more tenants matched than are listed.
     */
    public record Picker(List<TenantChoice> tenants, String query, boolean searchable, boolean more) {
    }

    /** What the home page shows; {@code notices} is null for callers who read no notices (群众). */
    public record Home(String tenant, String tenantName, String userName, List<NoticeLine> notices, long unreadNotices,
            List<MyTasks.TaskLink> tasks, List<ShellNavigation.Link> features, List<ShellNavigation.Link> adminLinks) {
    }

    /** How many of the latest notices the home page lists. */
    static final int NOTICES_SHOWN = 5;

    /** How many tenants of an administered region the picker lists; the API pages through the rest. */
    static final int ADMINISTERED_TENANTS_SHOWN = 200;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance tenants(Picker picker);

        static native TemplateInstance home(Home home);
    }

    @Inject
    Caller caller;

    @Inject
    ShellAccess access;

    @Inject
    ShellNavigation navigation;

    @Inject
    TenantRepository tenants;

    @Inject
    TenantScope tenantScope;

    @Inject
    NoticeBoard notices;

    @Inject
    NoticeReaders readers;

    @Inject
    MyTasks myTasks;

    @Inject
    ConsoleNavigation console;

    @Inject
    MemberRepository members;

    @GET
    @Transactional
    public Response chooseTenant(@QueryParam("q") String query, @CookieParam(Locales.COOKIE) String lang) {
        String wanted = query == null ? "" : query.strip();
        String pattern = "%"
                + wanted.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        TreeMap<String, TenantChoice> choices = new TreeMap<>();
        for (MembershipDirectory.Entry membership : caller.memberships()) {
            if (membership.tenantId() != null) {
                TenantChoice choice = new TenantChoice(membership.tenantId(), tenants
                        .findByIdOptional(membership.tenantId()).map(t -> t.name()).orElse(membership.tenantId()));
                if (matches(choice, wanted)) {
                    choices.putIfAbsent(choice.id(), choice);
                }
            }
        }
        // Administrators of a region (or the platform) may enter every tenant below it: the first of them by id, or
        // those whose name or id holds what they searched for.
        List<String> regionPaths = caller.isPlatformAdmin() ? List.of("/") : caller.administeredRegionPaths();
        boolean more = false;
        for (String path : regionPaths) {
            List<Tenant> found = tenants
                    .find("regionId in (select r.id from Region r where r.path like ?1)"
                            + " and (lower(name) like ?2 or id like ?2) order by id", path + "%", pattern)
                    .page(0, ADMINISTERED_TENANTS_SHOWN + 1).list();
            more |= found.size() > ADMINISTERED_TENANTS_SHOWN;
            found.stream().limit(ADMINISTERED_TENANTS_SHOWN)
                    .forEach(t -> choices.putIfAbsent(t.id(), new TenantChoice(t.id(), t.name())));
        }
        if (choices.size() == 1 && wanted.isEmpty()) {
            return Response.seeOther(URI.create("/t/" + choices.firstKey())).build();
        }
        boolean searchable = more || !wanted.isEmpty() || !regionPaths.isEmpty();
        return Response.ok(Templates.tenants(new Picker(List.copyOf(choices.values()), wanted, searchable, more))
                .setLocale(Locales.of(lang))).build();
    }

    private static boolean matches(TenantChoice choice, String wanted) {
        return wanted.isEmpty() || choice.id().contains(wanted.toLowerCase(Locale.ROOT))
                || choice.name().toLowerCase(Locale.ROOT).contains(wanted.toLowerCase(Locale.ROOT));
    }

    @GET
    @Path("/{tenant}")
    public TemplateInstance home(@PathParam("tenant") String tenant, @CookieParam(Locales.COOKIE) String lang) {
        Caller.TenantGrant grant = access.grantIn(tenant);
        Locale locale = Locales.of(lang);
        String tenantName = tenants.findByIdOptional(tenant).map(t -> t.name()).orElse(tenant);
        boolean readsNotices = grant.permissions().contains(Permission.NOTICES_READ);
        record Waiting(List<NoticeLine> notices, long unread, PortalTaskSource.Viewer viewer) {
        }
        Waiting waiting = tenantScope.inTransaction(tenant, () -> {
            NoticeReader reader = readers.current();
            Long memberId = members.findByUsername(caller.username()).map(Member::id).orElse(null);
            PortalTaskSource.Viewer viewer = new PortalTaskSource.Viewer(caller.username(), memberId,
                    grant.permissions(), locale);
            return readsNotices
                    ? new Waiting(notices.reaching(reader, null, NOTICES_SHOWN), notices.unread(reader), viewer)
                    : new Waiting(null, 0, viewer);
        });
        List<MyTasks.TaskLink> tasks = tenantScope.call(tenant, () -> myTasks.of(tenant, waiting.viewer()));
        return Templates.home(new Home(tenant, tenantName, caller.username(), waiting.notices(), waiting.unread(),
                tasks, navigation.of(tenant, grant, MenuEntry.Surface.PORTAL, locale),
                console.links(tenant, grant, locale))).setLocale(locale);
    }

    /** Switches the language and goes back where the user was; the choice is remembered for a year. */
    @GET
    @Path("/-/language")
    public Response language(@QueryParam("to") String to, @QueryParam("back") String back) {
        String language = "en".equals(to) ? "en" : "zh-CN";
        String target = back != null && back.startsWith("/t") && !back.startsWith("//") ? back : "/t";
        NewCookie cookie = new NewCookie.Builder(Locales.COOKIE).value(language).path("/").maxAge(365 * 24 * 3600)
                .sameSite(NewCookie.SameSite.LAX).httpOnly(true).build();
        return Response.seeOther(URI.create(Objects.requireNonNull(target))).cookie(cookie).build();
    }
}
