package cloud.dangjian.core.web.rest;

import cloud.dangjian.core.applicant.domain.Applicant;
import cloud.dangjian.core.applicant.domain.DevelopmentStage;
import cloud.dangjian.core.applicant.service.ApplicantService;
import cloud.dangjian.core.identity.domain.Permission;
import cloud.dangjian.core.identity.service.Caller;
import cloud.dangjian.core.member.domain.Member;
import cloud.dangjian.core.member.service.MemberSearch;
import cloud.dangjian.core.member.service.MemberService;
import cloud.dangjian.core.organisation.domain.Organisation;
import cloud.dangjian.core.organisation.service.OrganisationService;
import cloud.dangjian.core.paging.Slice;
import cloud.dangjian.core.tenancy.context.TenantScope;
import cloud.dangjian.core.web.service.ConsoleNavigation;
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
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The admin console's directory: the organisation tree, the members and the activists (入党积极分子) and applicants, searched
 * by name and paged by key like the API.
 */
@Path("/t/{tenant}/admin")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class AdminDirectoryPages {

    /** One organisation, indented by its depth in the tree. */
    public record Node(long id, String code, String name, String kind, int depth) {
    }

    /** The tree page; {@code editable} when the caller may rename and move organisations. */
    public record Organisations(String tenant, List<ConsoleNavigation.Item> nav, List<Node> nodes, boolean editable) {
    }

    /** One member row. */
    public record Row(long id, String code, String name, String gender, String status, String branch, String account) {
    }

    /** The members page: the search, one slice of results and the link to the next. */
    public record Members(String tenant, List<ConsoleNavigation.Item> nav, String name, List<Row> rows, String nextHref,
            boolean editable) {
    }

    /** One applicant or activist. */
    public record ApplicantRow(String code, String name, String gender, String stage, String stageSince,
            String appliedOn, String branch) {
    }

    /** The activists page: the search by name and stage, one slice, the link to the next. */
    public record Applicants(String tenant, List<ConsoleNavigation.Item> nav, String name, String stage,
            List<String> stages, List<ApplicantRow> rows, String nextHref) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance organisations(Organisations page);

        static native TemplateInstance members(Members page);

        static native TemplateInstance applicants(Applicants page);
    }

    @Inject
    ShellAccess access;

    @Inject
    TenantScope tenantScope;

    @Inject
    OrganisationService organisations;

    @Inject
    MemberService members;

    @Inject
    ApplicantService applicants;

    @Inject
    ConsoleNavigation navigation;

    @GET
    @Path("/organisations")
    public TemplateInstance organisations(@PathParam("tenant") String tenant,
            @CookieParam(Locales.COOKIE) String lang) {
        Caller.TenantGrant grant = access.require(tenant, Permission.ORGANISATIONS_READ);
        Locale locale = Locales.of(lang);
        List<Node> nodes = tenantScope.call(tenant, () -> organisations.list(null).stream()
                .map(o -> new Node(o.id(), o.code(), o.name(), o.kind().name(), depth(o))).toList());
        return Templates.organisations(
                new Organisations(tenant, navigation.of(tenant, grant, locale, "/t/" + tenant + "/admin/organisations"),
                        nodes, grant.permissions().contains(Permission.ORGANISATIONS_WRITE)))
                .setLocale(locale);
    }

    @GET
    @Path("/members")
    public TemplateInstance members(@PathParam("tenant") String tenant, @QueryParam("name") String name,
            @QueryParam("after") String after, @CookieParam(Locales.COOKIE) String lang) {
        Caller.TenantGrant grant = access.require(tenant, Permission.MEMBERS_READ);
        Locale locale = Locales.of(lang);
        String prefix = name == null || name.isBlank() ? null : name.strip();
        List<ConsoleNavigation.Item> nav = navigation.of(tenant, grant, locale, "/t/" + tenant + "/admin/members");
        Members page = tenantScope.call(tenant, () -> {
            Map<Long, String> branchNames = organisationNames();
            Slice<Member> slice = members.search(new MemberSearch(prefix, null, null, after, 50));
            List<Row> rows = slice.items().stream()
                    .map(m -> new Row(m.id(), m.code(), m.name(), m.gender().name(), m.status().name(),
                            branchNames.getOrDefault(m.branchId(), ""), m.username() == null ? "" : m.username()))
                    .toList();
            String next = slice.next() == null ? null
                    : "/t/" + tenant + "/admin/members?after=" + encode(slice.next())
                            + (prefix == null ? "" : "&name=" + encode(prefix));
            return new Members(tenant, nav, prefix == null ? "" : prefix, rows, next,
                    grant.permissions().contains(Permission.MEMBERS_WRITE));
        });
        return Templates.members(page).setLocale(locale);
    }

    @GET
    @Path("/applicants")
    public TemplateInstance applicants(@PathParam("tenant") String tenant, @QueryParam("name") String name,
            @QueryParam("stage") String stage, @QueryParam("after") String after,
            @CookieParam(Locales.COOKIE) String lang) {
        Caller.TenantGrant grant = access.require(tenant, Permission.APPLICANTS_READ);
        Locale locale = Locales.of(lang);
        String prefix = name == null || name.isBlank() ? null : name.strip();
        DevelopmentStage atStage = Arrays.stream(DevelopmentStage.values()).filter(s -> s.name().equals(stage))
                .findFirst().orElse(null);
        List<ConsoleNavigation.Item> nav = navigation.of(tenant, grant, locale, "/t/" + tenant + "/admin/applicants");
        Applicants page = tenantScope.call(tenant, () -> {
            Map<Long, String> branchNames = organisationNames();
            Slice<Applicant> slice = applicants.list(prefix, atStage, after, 50);
            List<ApplicantRow> rows = slice.items().stream()
                    .map(a -> new ApplicantRow(a.code(), a.name(), a.gender().name(), a.stage().name(),
                            String.valueOf(a.stageReachedOn()), String.valueOf(a.appliedOn()),
                            branchNames.getOrDefault(a.branchId(), "")))
                    .toList();
            String next = slice.next() == null ? null
                    : "/t/" + tenant + "/admin/applicants?after=" + encode(slice.next())
                            + (prefix == null ? "" : "&name=" + encode(prefix))
                            + (atStage == null ? "" : "&stage=" + atStage.name());
            return new Applicants(tenant, nav, prefix == null ? "" : prefix, atStage == null ? "" : atStage.name(),
                    Arrays.stream(DevelopmentStage.values()).map(Enum::name).toList(), rows, next);
        });
        return Templates.applicants(page).setLocale(locale);
    }

    private Map<Long, String> organisationNames() {
        Map<Long, String> names = new HashMap<>();
        organisations.list(null).forEach(o -> names.put(o.id(), o.name()));
        return names;
    }

    static int depth(Organisation organisation) {
        return Math.min(4, (int) organisation.path().chars().filter(c -> c == '/').count() - 2);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
