package cloud.dangjian.core.web.rest;

import cloud.dangjian.core.identity.domain.Permission;
import cloud.dangjian.core.identity.service.Caller;
import cloud.dangjian.core.notice.domain.Notice;
import cloud.dangjian.core.notice.service.NoticeBoard;
import cloud.dangjian.core.notice.service.NoticeBoard.NoticeLine;
import cloud.dangjian.core.notice.service.NoticeBoard.OpenedNotice;
import cloud.dangjian.core.notice.service.NoticeReaders;
import cloud.dangjian.core.organisation.domain.Organisation;
import cloud.dangjian.core.organisation.domain.OrganisationRepository;
import cloud.dangjian.core.problem.Problem;
import cloud.dangjian.core.problem.ProblemException;
import cloud.dangjian.core.tenancy.context.TenantScope;
import cloud.dangjian.core.web.service.FormTokens;
import cloud.dangjian.core.web.service.Locales;
import cloud.dangjian.core.web.service.ShellAccess;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
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

/** Notices (通知公告): the list a member reads, one notice, and the form a secretary publishes with. */
@Path("/t/{tenant}")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class NoticePages {

    /** How many notices one page of the list shows. */
    static final int PAGE = 20;

    /** A page of the list; {@code older} is the cursor of the next page, or null at the end. */
    public record NoticeList(String tenant, List<NoticeLine> notices, Long older, boolean canPublish,
            boolean countsReads) {
    }

    /** One opened notice. */
    public record NoticePage(String tenant, OpenedNotice notice, boolean countsReads) {
    }

    /** An organisation the form offers as the addressee. */
    public record Addressee(String value, String label, boolean selected) {
    }

    /** The publishing form, with what the user typed and the errors beside each field. */
    public record PublishForm(String tenant, String csrf, List<Addressee> addressees, String title, String body,
            Map<String, String> errors) {
    }

    /** At most this many organisations are offered as addressees; larger trees address a parent. */
    static final int ADDRESSEES_SHOWN = 500;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(NoticeList page);

        static native TemplateInstance notice(NoticePage page);

        static native TemplateInstance publish(PublishForm form);
    }

    @Inject
    ShellAccess access;

    @Inject
    Caller caller;

    @Inject
    TenantScope tenantScope;

    @Inject
    NoticeBoard board;

    @Inject
    NoticeReaders readers;

    @Inject
    OrganisationRepository organisations;

    @Inject
    FormTokens formTokens;

    @GET
    @Path("/notices")
    public TemplateInstance list(@PathParam("tenant") String tenant, @QueryParam("before") Long before,
            @CookieParam(Locales.COOKIE) String lang) {
        var grant = access.require(tenant, Permission.NOTICES_READ);
        List<NoticeLine> lines = tenantScope.inTransaction(tenant,
                () -> board.reaching(readers.current(), before, PAGE + 1));
        Long older = lines.size() > PAGE ? lines.get(PAGE - 1).id() : null;
        return Templates.list(new NoticeList(tenant, lines.subList(0, Math.min(PAGE, lines.size())), older,
                grant.permissions().contains(Permission.NOTICES_PUBLISH),
                grant.permissions().contains(Permission.MEMBERS_READ))).setLocale(Locales.of(lang));
    }

    @GET
    @Path("/notices/{id}")
    public TemplateInstance notice(@PathParam("tenant") String tenant, @PathParam("id") long id,
            @CookieParam(Locales.COOKIE) String lang) {
        var grant = access.require(tenant, Permission.NOTICES_READ);
        OpenedNotice opened = tenantScope.inTransaction(tenant, () -> board.open(readers.current(), id))
                .orElseThrow(NotFoundException::new);
        return Templates.notice(new NoticePage(tenant, opened, grant.permissions().contains(Permission.MEMBERS_READ)))
                .setLocale(Locales.of(lang));
    }

    @GET
    @Path("/admin/notices")
    public TemplateInstance form(@PathParam("tenant") String tenant, @CookieParam(Locales.COOKIE) String lang) {
        var grant = access.require(tenant, Permission.NOTICES_PUBLISH);
        Locale locale = Locales.of(lang);
        return Templates.publish(form(tenant, grant.writableOrganisations(), null, "", "", Map.of(), locale))
                .setLocale(locale);
    }

    @POST
    @Path("/admin/notices")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response publish(@PathParam("tenant") String tenant, MultivaluedMap<String, String> fields,
            @CookieParam(Locales.COOKIE) String lang) {
        var grant = access.require(tenant, Permission.NOTICES_PUBLISH);
        if (!formTokens.valid(fields.getFirst(FormTokens.FIELD), caller.username(), tenant)) {
            throw new ForbiddenException("The form is out of date; reload the page and submit again");
        }
        String addressee = fields.getFirst("organisationId");
        String title = fields.getFirst("title");
        String body = fields.getFirst("body");
        Map<String, String> errors = new HashMap<>();
        Long organisationId = null;
        if (addressee != null && !addressee.isBlank()) {
            try {
                organisationId = Long.valueOf(addressee);
            } catch (NumberFormatException e) {
                errors.put("organisationId", "?");
            }
        }
        if (errors.isEmpty()) {
            Long to = organisationId;
            try {
                Notice notice = tenantScope.inTransaction(tenant,
                        () -> board.publish(to, title, body, caller.username()));
                return Response.seeOther(URI.create("/t/" + tenant + "/notices/" + notice.id())).build();
            } catch (ProblemException refused) {
                Problem problem = refused.toProblem();
                if (problem.errors() != null) {
                    problem.errors().forEach(error -> errors.put(error.field(), error.message()));
                } else {
                    errors.put(problem.field() == null ? "title" : problem.field(), problem.detail());
                }
            }
        }
        Locale locale = Locales.of(lang);
        PublishForm form = form(tenant, grant.writableOrganisations(), addressee, title == null ? "" : title,
                body == null ? "" : body, messagesFor(errors, locale), locale);
        return Response.status(400).entity(Templates.publish(form).setLocale(locale)).build();
    }

    private PublishForm form(String tenant, List<Long> writable, String chosen, String title, String body,
            Map<String, String> errors, Locale locale) {
        List<Addressee> addressees = new ArrayList<>();
        if (writable.isEmpty()) {
            addressees.add(new Addressee("", Locale.ENGLISH.equals(locale) ? "The whole tenant" : "全体（本单位所有党员）",
                    chosen == null || chosen.isBlank()));
        }
        for (Organisation organisation : tenantScope.inTransaction(tenant, () -> addressable(writable))) {
            String value = String.valueOf(organisation.id());
            String depth = "\u3000".repeat((int) organisation.path().chars().filter(c -> c == '/').count() - 2);
            addressees.add(new Addressee(value, depth + organisation.name(), value.equals(chosen)));
        }
        return new PublishForm(tenant, formTokens.issue(caller.username(), tenant), addressees, title, body, errors);
    }

    /** The organisations the caller may address, parents before children: the tenant's, or their subtrees'. */
    private List<Organisation> addressable(List<Long> writable) {
        if (writable.isEmpty()) {
            return organisations.find("order by path").page(0, ADDRESSEES_SHOWN).list();
        }
        return writable.stream().map(organisations::findById).filter(java.util.Objects::nonNull)
                .flatMap(root -> organisations.subtree(root).stream()).distinct().limit(ADDRESSEES_SHOWN).toList();
    }

    /** The services explain in English for the API; the page says it in the user's language. */
    private static Map<String, String> messagesFor(Map<String, String> errors, Locale locale) {
        boolean english = Locale.ENGLISH.equals(locale);
        Map<String, String> messages = new HashMap<>();
        errors.forEach((field, detail) -> messages.put(field, switch (field) {
            case "title" -> english ? "Enter a title of up to 200 characters" : "请填写标题（不超过200字）";
            case "body" -> english ? "Enter the text, up to 10,000 characters" : "请填写正文（不超过10000字）";
            case "organisationId" -> english ? "Choose one of your organisations" : "请选择您所管理的组织";
            default -> detail;
        }));
        return messages;
    }
}
