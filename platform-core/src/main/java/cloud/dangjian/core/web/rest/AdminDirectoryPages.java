package cloud.dangjian.core.web.rest;

import cloud.dangjian.core.identity.domain.Permission;
import cloud.dangjian.core.member.domain.Member;
import cloud.dangjian.core.member.service.MemberSearch;
import cloud.dangjian.core.member.service.MemberService;
import cloud.dangjian.core.organisation.domain.Organisation;
import cloud.dangjian.core.organisation.service.OrganisationService;
import cloud.dangjian.core.paging.Slice;
import cloud.dangjian.core.tenancy.context.TenantScope;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The admin console's directory: the organisation tree and the members, searched by name. */
@Path("/t/{tenant}/admin")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class AdminDirectoryPages {

    /** One organisation, indented by its depth in the tree. */
    public record Node(String code, String name, String kind, int depth) {
    }

    /** One member row. */
    public record Row(String code, String name, String gender, String status, String branch, String account) {
    }

    /** The members page: the search, one slice of results and the link to the next. */
    public record Members(String tenant, String name, List<Row> rows, String nextHref) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance organisations(String tenant, List<Node> nodes);

        static native TemplateInstance members(Members page);
    }

    @Inject
    ShellAccess access;

    @Inject
    TenantScope tenantScope;

    @Inject
    OrganisationService organisations;

    @Inject
    MemberService members;

    @GET
    @Path("/organisations")
    public TemplateInstance organisations(@PathParam("tenant") String tenant,
            @CookieParam(Locales.COOKIE) String lang) {
        access.require(tenant, Permission.ORGANISATIONS_READ);
        List<Node> nodes = tenantScope.call(tenant, () -> organisations.list(null).stream()
                .map(o -> new Node(o.code(), o.name(), o.kind().name(), depth(o))).toList());
        return Templates.organisations(tenant, nodes).setLocale(Locales.of(lang));
    }

    @GET
    @Path("/members")
    public TemplateInstance members(@PathParam("tenant") String tenant, @QueryParam("name") String name,
            @QueryParam("after") String after, @CookieParam(Locales.COOKIE) String lang) {
        access.require(tenant, Permission.MEMBERS_READ);
        String prefix = name == null || name.isBlank() ? null : name.strip();
        Members page = tenantScope.call(tenant, () -> {
            Map<Long, String> branchNames = new HashMap<>();
            organisations.list(null).forEach(o -> branchNames.put(o.id(), o.name()));
            Slice<Member> slice = members.search(new MemberSearch(prefix, null, null, after, 50));
            List<Row> rows = slice.items().stream()
                    .map(m -> new Row(m.code(), m.name(), m.gender().name(), m.status().name(),
                            branchNames.getOrDefault(m.branchId(), ""), m.username() == null ? "" : m.username()))
                    .toList();
            String next = slice.next() == null ? null
                    : "/t/" + tenant + "/admin/members?after=" + encode(slice.next())
                            + (prefix == null ? "" : "&name=" + encode(prefix));
            return new Members(tenant, prefix == null ? "" : prefix, rows, next);
        });
        return Templates.members(page).setLocale(Locales.of(lang));
    }

    private static int depth(Organisation organisation) {
        return Math.min(4, (int) organisation.path().chars().filter(c -> c == '/').count() - 2);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
