package cloud.dangjian.core.web.rest;

import cloud.dangjian.core.identity.domain.Permission;
import cloud.dangjian.core.identity.service.Caller;
import cloud.dangjian.core.identity.service.TenantAccess;
import cloud.dangjian.core.member.domain.Gender;
import cloud.dangjian.core.member.domain.Member;
import cloud.dangjian.core.member.domain.MemberFacts;
import cloud.dangjian.core.member.domain.MemberStatus;
import cloud.dangjian.core.member.rest.MemberResource;
import cloud.dangjian.core.member.service.MemberService;
import cloud.dangjian.core.member.service.MemberService.MemberDraft;
import cloud.dangjian.core.organisation.domain.Organisation;
import cloud.dangjian.core.organisation.domain.OrganisationKind;
import cloud.dangjian.core.organisation.rest.OrganisationResource;
import cloud.dangjian.core.organisation.service.OrganisationService;
import cloud.dangjian.core.problem.ProblemException;
import cloud.dangjian.core.tenancy.context.TenantScope;
import cloud.dangjian.core.web.WebMessages;
import cloud.dangjian.core.web.service.ConsoleNavigation;
import cloud.dangjian.core.web.service.FormTokens;
import cloud.dangjian.core.web.service.Locales;
import cloud.dangjian.core.web.service.ShellAccess;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
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
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The console's edit forms for an organisation (rename, move within the tenant) and a member (the facts the API
 * changes). They check what the API's request bodies check (the same records, validated the same way) and then call the
 * same services, so the rules — kinds and cycles of the tree, home branches, ID cards, a branch secretary's subtree —
 * live in one place. A refused form comes back with each error beside its field and what the user typed kept.
 */
@Path("/t/{tenant}/admin")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class AdminEditPages {

    /** One choice of a select. */
    public record Option(String value, String label) {
    }

    /** What the user typed (or what is stored), and the errors by field name; the names are the API's. */
    public record Form(Map<String, String> values, Map<String, String> errors) {

        public String value(String field) {
            return values.getOrDefault(field, "");
        }

        /** The error beside {@code field}, or null. */
        public String error(String field) {
            return errors.get(field);
        }

        public boolean failed() {
            return !errors.isEmpty();
        }

        /** An error of no field (a quota, a conflict the user cannot point at), or null. */
        public String general() {
            return errors.get("");
        }
    }

    /** The member form. */
    public record MemberPage(String tenant, List<ConsoleNavigation.Item> nav, String csrf, long id, String code,
            String storedName, String idCardMasked, List<Option> branches, Form form, boolean saved) {
    }

    /** The organisation form. */
    public record OrganisationPage(String tenant, List<ConsoleNavigation.Item> nav, String csrf, long id, String code,
            String storedName, String kind, List<Option> parents, Form form, boolean saved) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance member(MemberPage page);

        static native TemplateInstance organisation(OrganisationPage page);
    }

    private static final List<String> MEMBER_FIELDS = List.of("name", "gender", "birthDate", "ethnicity", "education",
            "phone", "joinedOn", "status", "branchId", "mobile", "idCard");

    @Inject
    ShellAccess access;

    @Inject
    TenantAccess tenantAccess;

    @Inject
    Caller caller;

    @Inject
    FormTokens formTokens;

    @Inject
    TenantScope tenantScope;

    @Inject
    MemberService members;

    @Inject
    OrganisationService organisations;

    @Inject
    ConsoleNavigation navigation;

    @Inject
    ValidatorFactory validatorFactory;

    @GET
    @Path("/members/{id}")
    public TemplateInstance member(@PathParam("tenant") String tenant, @PathParam("id") long id,
            @QueryParam("saved") String saved, @CookieParam(Locales.COOKIE) String lang) {
        Caller.TenantGrant grant = access.require(tenant, Permission.MEMBERS_WRITE);
        Locale locale = Locales.of(lang);
        return tenantScope.call(tenant, () -> {
            Member member = members.get(id);
            // A branch secretary edits the members of their own subtree only, as through the API.
            tenantAccess.requireWritable(organisations.get(member.branchId()), "id");
            Map<String, String> values = new LinkedHashMap<>();
            values.put("name", member.name());
            values.put("gender", member.gender().name());
            values.put("birthDate", text(member.birthDate()));
            values.put("ethnicity", text(member.ethnicity()));
            values.put("education", text(member.education()));
            values.put("phone", text(member.phone()));
            values.put("joinedOn", text(member.joinedOn()));
            values.put("status", member.status().name());
            values.put("branchId", String.valueOf(member.branchId()));
            values.put("mobile", member.mobile() ? "on" : "");
            return Templates
                    .member(memberPage(tenant, grant, locale, member, new Form(values, Map.of()), saved != null));
        }).setLocale(locale);
    }

    @POST
    @Path("/members/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveMember(@PathParam("tenant") String tenant, @PathParam("id") long id,
            MultivaluedMap<String, String> posted, @CookieParam(Locales.COOKIE) String lang) {
        Caller.TenantGrant grant = access.require(tenant, Permission.MEMBERS_WRITE);
        checkToken(posted, tenant);
        Locale locale = Locales.of(lang);
        WebMessages messages = Locales.messages(locale);
        Map<String, String> values = new LinkedHashMap<>();
        MEMBER_FIELDS.forEach(field -> values.put(field, trimmed(posted.getFirst(field))));
        Map<String, String> errors = new LinkedHashMap<>();
        Gender gender = choice(Gender.class, values, "gender", errors, messages);
        MemberStatus status = choice(MemberStatus.class, values, "status", errors, messages);
        LocalDate birthDate = date(values, "birthDate", errors, messages);
        LocalDate joinedOn = date(values, "joinedOn", errors, messages);
        Long branchId = number(values, "branchId", errors, messages);
        boolean mobile = !values.get("mobile").isEmpty();
        MemberResource.MemberBody body = new MemberResource.MemberBody(orNull(values.get("name")), gender, birthDate,
                orNull(values.get("ethnicity")), orNull(values.get("education")), orNull(values.get("phone")), joinedOn,
                status, branchId, mobile, orNull(values.get("idCard")));
        violations(validator(locale).validate(body), errors, messages);
        if (errors.isEmpty()) {
            try {
                tenantScope.run(tenant,
                        () -> members.update(id,
                                new MemberDraft(new MemberFacts(body.name(), body.gender(), body.birthDate(),
                                        body.ethnicity(), body.education(), body.phone(), body.joinedOn(),
                                        body.status(), body.branchId(), body.mobile(), null), body.idCard())));
                return Response.seeOther(URI.create("/t/" + tenant + "/admin/members/" + id + "?saved=1")).build();
            } catch (ProblemException refused) {
                refusal(refused, errors, Set.copyOf(MEMBER_FIELDS));
            }
        }
        // The ID card number is not shown again, even as typed: the page may be seen over a shoulder.
        values.put("idCard", "");
        Form form = new Form(values, errors);
        MemberPage page = tenantScope.call(tenant,
                () -> memberPage(tenant, grant, locale, members.get(id), form, false));
        return Response.status(400).entity(Templates.member(page).setLocale(locale)).build();
    }

    @GET
    @Path("/organisations/{id}")
    public TemplateInstance organisation(@PathParam("tenant") String tenant, @PathParam("id") long id,
            @QueryParam("saved") String saved, @CookieParam(Locales.COOKIE) String lang) {
        Caller.TenantGrant grant = access.require(tenant, Permission.ORGANISATIONS_WRITE);
        Locale locale = Locales.of(lang);
        return tenantScope.call(tenant, () -> {
            Organisation organisation = organisations.get(id);
            Map<String, String> values = new LinkedHashMap<>();
            values.put("name", organisation.name());
            values.put("parentId", organisation.parentId() == null ? "" : String.valueOf(organisation.parentId()));
            return Templates.organisation(
                    organisationPage(tenant, grant, locale, organisation, new Form(values, Map.of()), saved != null));
        }).setLocale(locale);
    }

    @POST
    @Path("/organisations/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveOrganisation(@PathParam("tenant") String tenant, @PathParam("id") long id,
            MultivaluedMap<String, String> posted, @CookieParam(Locales.COOKIE) String lang) {
        Caller.TenantGrant grant = access.require(tenant, Permission.ORGANISATIONS_WRITE);
        checkToken(posted, tenant);
        Locale locale = Locales.of(lang);
        WebMessages messages = Locales.messages(locale);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("name", trimmed(posted.getFirst("name")));
        values.put("parentId", trimmed(posted.getFirst("parentId")));
        Map<String, String> errors = new LinkedHashMap<>();
        Long parentId = values.get("parentId").isEmpty() ? null : number(values, "parentId", errors, messages);
        OrganisationResource.Rename rename = new OrganisationResource.Rename(orNull(values.get("name")));
        violations(validator(locale).validate(rename), errors, messages);
        if (errors.isEmpty()) {
            try {
                // A rename and a move together are one change: both or neither.
                tenantScope.run(tenant, () -> QuarkusTransaction.requiringNew().run(() -> {
                    Organisation stored = organisations.get(id);
                    if (!stored.name().equals(rename.name())) {
                        organisations.rename(id, rename.name());
                    }
                    if (!Objects.equals(stored.parentId(), parentId)) {
                        organisations.move(id, parentId);
                    }
                }));
                return Response.seeOther(URI.create("/t/" + tenant + "/admin/organisations/" + id + "?saved=1"))
                        .build();
            } catch (ProblemException refused) {
                // The kind cannot be edited here: a parent that cannot hold this kind is the parent's fault.
                refusal(refused, errors, Set.of("name", "parentId", "kind"));
                if (errors.containsKey("kind")) {
                    errors.put("parentId", errors.remove("kind"));
                }
            }
        }
        Form form = new Form(values, errors);
        OrganisationPage page = tenantScope.call(tenant,
                () -> organisationPage(tenant, grant, locale, organisations.get(id), form, false));
        return Response.status(400).entity(Templates.organisation(page).setLocale(locale)).build();
    }

    private MemberPage memberPage(String tenant, Caller.TenantGrant grant, Locale locale, Member member, Form form,
            boolean saved) {
        List<Option> branches = new ArrayList<>();
        for (Organisation organisation : organisations.list(null)) {
            if (organisation.kind() == OrganisationKind.BRANCH
                    && (tenantAccess.isWritable(organisation) || organisation.id().equals(member.branchId()))) {
                branches.add(new Option(String.valueOf(organisation.id()),
                        organisation.name() + " (" + organisation.code() + ")"));
            }
        }
        return new MemberPage(tenant, navigation.of(tenant, grant, locale, "/t/" + tenant + "/admin/members"),
                formTokens.issue(caller.username(), tenant), member.id(), member.code(), member.name(),
                member.idCardMasked() == null ? "—" : member.idCardMasked(), branches, form, saved);
    }

    private OrganisationPage organisationPage(String tenant, Caller.TenantGrant grant, Locale locale,
            Organisation organisation, Form form, boolean saved) {
        List<Option> parents = new ArrayList<>();
        for (Organisation other : organisations.list(null)) {
            // Its own descendants stay listed: the service refuses a move under them, and says why.
            if (!other.id().equals(organisation.id())) {
                parents.add(new Option(String.valueOf(other.id()),
                        "\u3000".repeat(AdminDirectoryPages.depth(other)) + other.name() + " (" + other.code() + ")"));
            }
        }
        return new OrganisationPage(tenant,
                navigation.of(tenant, grant, locale, "/t/" + tenant + "/admin/organisations"),
                formTokens.issue(caller.username(), tenant), organisation.id(), organisation.code(),
                organisation.name(), organisation.kind().name(), parents, form, saved);
    }

    private void checkToken(MultivaluedMap<String, String> posted, String tenant) {
        if (!formTokens.valid(posted.getFirst(FormTokens.FIELD), caller.username(), tenant)) {
            throw new ForbiddenException("The form is out of date; reload the page and submit again");
        }
    }

    /**
     * Bean Validation's messages, by the API field they concern; the first per field. A constraint with a message of
     * its own (the API's, in English) gets the shell's words instead, in the user's language.
     */
    private static void violations(Set<? extends ConstraintViolation<?>> violations, Map<String, String> errors,
            WebMessages messages) {
        for (ConstraintViolation<?> violation : violations) {
            String field = violation.getPropertyPath().toString();
            String message = violation.getMessageTemplate().startsWith("{") ? violation.getMessage()
                    : "phone".equals(field) ? messages.invalid_phone() : messages.invalid_format();
            errors.putIfAbsent(field, message);
        }
    }

    /** A validator speaking the shell's language (the user's choice), not the browser's Accept-Language. */
    private Validator validator(Locale locale) {
        MessageInterpolator interpolator = validatorFactory.getMessageInterpolator();
        return validatorFactory.usingContext().messageInterpolator(new MessageInterpolator() {
            @Override
            public String interpolate(String template, Context context) {
                return interpolator.interpolate(template, context, locale);
            }

            @Override
            public String interpolate(String template, Context context, Locale ignored) {
                return interpolator.interpolate(template, context, locale);
            }
        }).getValidator();
    }

    /** A service's refusal beside the field it names, or above the form when it names none of the form's. */
    private static void refusal(ProblemException refused, Map<String, String> errors, Set<String> fields) {
        String field = refused.toProblem().field();
        errors.put(field != null && fields.contains(field) ? field : "", refused.toProblem().detail());
    }

    private static <E extends Enum<E>> E choice(Class<E> type, Map<String, String> values, String field,
            Map<String, String> errors, WebMessages messages) {
        try {
            return Enum.valueOf(type, values.get(field));
        } catch (IllegalArgumentException e) {
            errors.put(field, messages.invalid_choice());
            return null;
        }
    }

    private static LocalDate date(Map<String, String> values, String field, Map<String, String> errors,
            WebMessages messages) {
        String value = values.get(field);
        if (value.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.put(field, messages.invalid_date());
            return null;
        }
    }

    private static Long number(Map<String, String> values, String field, Map<String, String> errors,
            WebMessages messages) {
        try {
            return Long.valueOf(values.get(field));
        } catch (NumberFormatException e) {
            errors.put(field, messages.invalid_choice());
            return null;
        }
    }

    private static String trimmed(String value) {
        return value == null ? "" : value.strip();
    }

    private static String orNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
