package cloud.dangjian.core.web.rest;

import cloud.dangjian.core.identity.domain.Permission;
import cloud.dangjian.core.identity.service.Caller;
import cloud.dangjian.core.member.domain.Member;
import cloud.dangjian.core.member.domain.MemberRepository;
import cloud.dangjian.core.organisation.domain.OrganisationRepository;
import cloud.dangjian.core.tenancy.context.TenantScope;
import cloud.dangjian.core.tenancy.domain.TenantRepository;
import cloud.dangjian.core.web.service.ActivityCards;
import cloud.dangjian.core.web.service.Locales;
import cloud.dangjian.core.web.service.QrCodes;
import cloud.dangjian.core.web.service.ShellAccess;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
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
import jakarta.ws.rs.core.UriInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The electronic activity card (电子党员活动证) a member shows on their phone, and the page where a branch secretary scans or
 * types its code to check it.
 */
@Path("/t/{tenant}")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class CardPages {

    /** What the card shows; {@code member} is empty when the login is linked to no member record. */
    public record Card(String tenant, String tenantName, Optional<CardHolder> member) {
    }

    /** The member on a card or behind a verified code. */
    public record CardHolder(String name, String memberCode, String branch, String status, boolean disabled,
            String code, RawString qr) {
    }

    /** The secretary's check: what was typed or scanned and what it proved. */
    public record Check(String tenant, String code, boolean checked, Optional<CardHolder> member) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance card(Card card);

        static native TemplateInstance verify(Check check);
    }

    @Inject
    ShellAccess access;

    @Inject
    Caller caller;

    @Inject
    TenantScope tenantScope;

    @Inject
    MemberRepository members;

    @Inject
    OrganisationRepository organisations;

    @Inject
    TenantRepository tenants;

    @Inject
    ActivityCards cards;

    @GET
    @Path("/me/card")
    public TemplateInstance card(@PathParam("tenant") String tenant, @CookieParam(Locales.COOKIE) String lang,
            UriInfo uriInfo) {
        access.grantIn(tenant);
        String tenantName = tenants.findByIdOptional(tenant).map(t -> t.name()).orElse(tenant);
        Optional<CardHolder> holder = tenantScope.inTransaction(tenant,
                () -> members.findByUsername(caller.username()).map(member -> holder(tenant, member, uriInfo)));
        return Templates.card(new Card(tenant, tenantName, holder)).setLocale(Locales.of(lang));
    }

    @GET
    @Path("/admin/verify")
    public TemplateInstance verify(@PathParam("tenant") String tenant, @QueryParam("code") String code,
            @CookieParam(Locales.COOKIE) String lang, UriInfo uriInfo) {
        access.require(tenant, Permission.MEMBERS_READ);
        boolean checked = code != null && !code.isBlank();
        Optional<CardHolder> holder = !checked ? Optional.empty()
                : cards.memberCodeOf(tenant, code).flatMap(memberCode -> tenantScope.inTransaction(tenant,
                        () -> members.findByCode(memberCode).map(member -> holder(tenant, member, uriInfo))));
        return Templates.verify(new Check(tenant, code == null ? "" : code.strip(), checked, holder))
                .setLocale(Locales.of(lang));
    }

    private CardHolder holder(String tenant, Member member, UriInfo uriInfo) {
        String code = cards.code(tenant, member.code());
        String branch = organisations.findByIdOptional(member.branchId()).map(o -> o.name()).orElse("");
        String verifyUrl = uriInfo.getBaseUri()
                .resolve("t/" + tenant + "/admin/verify?code=" + URLEncoder.encode(code, StandardCharsets.UTF_8))
                .toString();
        return new CardHolder(member.name(), member.code(), branch, member.status().name(), member.disabled(), code,
                new RawString(QrCodes.svg(verifyUrl, code)));
    }
}
