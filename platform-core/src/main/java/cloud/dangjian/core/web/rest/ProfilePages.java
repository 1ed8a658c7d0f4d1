package cloud.dangjian.core.web.rest;

import cloud.dangjian.core.identity.domain.Role;
import cloud.dangjian.core.identity.service.Caller;
import cloud.dangjian.core.identity.service.MembershipDirectory;
import cloud.dangjian.core.member.domain.Member;
import cloud.dangjian.core.member.domain.MemberRepository;
import cloud.dangjian.core.organisation.domain.Organisation;
import cloud.dangjian.core.organisation.domain.OrganisationRepository;
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
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;

/**
 * "My profile": the member record behind the signed-in login in this tenant, and the roles they hold here. Read-only: a
 * member's record is kept by their branch secretary, whose changes are audited; the page says whom to ask.
 */
@Path("/t/{tenant}/me")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class ProfilePages {

    /** The profile; {@code member} is empty when the login is linked to no member record of the tenant. */
    public record Profile(String tenant, String username, Optional<Member> member, String branchPath,
            List<RoleHeld> roles) {
    }

    /** A role the login holds in this tenant, and where: an organisation's name, or null for the whole tenant. */
    public record RoleHeld(String role, String organisation) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance profile(Profile profile);
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

    @GET
    public TemplateInstance profile(@PathParam("tenant") String tenant, @CookieParam(Locales.COOKIE) String lang) {
        access.grantIn(tenant);
        Profile profile = tenantScope.inTransaction(tenant, () -> {
            Optional<Member> member = members.findByUsername(caller.username());
            String branchPath = member.flatMap(m -> organisations.findByIdOptional(m.branchId()))
                    .map(this::namesFromRoot).orElse("");
            List<RoleHeld> roles = caller.memberships().stream()
                    .filter(entry -> tenant.equals(entry.tenantId()) || entry.role() == Role.PLATFORM_ADMIN
                            || entry.role() == Role.REGION_ADMIN)
                    .map(entry -> new RoleHeld(entry.role().name(), organisationName(entry))).distinct().toList();
            return new Profile(tenant, caller.username(), member, branchPath, roles);
        });
        return Templates.profile(profile).setLocale(Locales.of(lang));
    }

    /** "机关党委 / 第一党支部": where the branch sits, from the tenant's top organisation down. */
    private String namesFromRoot(Organisation branch) {
        List<String> codes = List.of(branch.path().substring(1).split("/"));
        return codes.stream().map(code -> organisations.findByCode(code).map(Organisation::name).orElse(code))
                .reduce((above, below) -> above + " / " + below).orElse(branch.name());
    }

    /** The entry's organisation in this tenant; row-level security hides any other tenant's. */
    private String organisationName(MembershipDirectory.Entry entry) {
        return entry.organisationId() == null ? null
                : organisations.findByIdOptional(entry.organisationId()).map(Organisation::name).orElse(null);
    }
}
