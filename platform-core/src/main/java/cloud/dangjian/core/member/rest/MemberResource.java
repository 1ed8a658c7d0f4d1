package cloud.dangjian.core.member.rest;

import cloud.dangjian.core.identity.RequiresPermission;
import cloud.dangjian.core.identity.domain.Permission;
import cloud.dangjian.core.member.account.AccountAction;
import cloud.dangjian.core.member.account.AccountTask;
import cloud.dangjian.core.member.domain.AccountStatus;
import cloud.dangjian.core.member.domain.Gender;
import cloud.dangjian.core.member.domain.Member;
import cloud.dangjian.core.member.domain.MemberFacts;
import cloud.dangjian.core.member.domain.MemberStatus;
import cloud.dangjian.core.member.service.MemberSearch;
import cloud.dangjian.core.member.service.MemberService;
import cloud.dangjian.core.member.service.MemberService.Account;
import cloud.dangjian.core.member.service.MemberService.MemberDraft;
import cloud.dangjian.core.paging.Slice;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The member database (党员信息库) of one tenant. */
@Path("/api/t/{tenant}/members")
@Tag(name = "Members", description = "Party members of a tenant: records, search by name prefix, keyset paging")
public class MemberResource {

    /** A member as the API shows it; the ID card only masked. */
    public record MemberView(long id, String code, String name, Gender gender, LocalDate birthDate, String ethnicity,
            String education, String phone, LocalDate joinedOn, MemberStatus status, long branchId, boolean mobile,
            String idCardMasked, boolean disabled, String username, AccountStatus accountStatus) {

        static MemberView of(Member m) {
            return new MemberView(m.id(), m.code(), m.name(), m.gender(), m.birthDate(), m.ethnicity(), m.education(),
                    m.phone(), m.joinedOn(), m.status(), m.branchId(), m.mobile(), m.idCardMasked(), m.disabled(),
                    m.username(), m.accountStatus());
        }
    }

    /** One queued, done or parked piece of Keycloak work for a member's account. */
    public record AccountTaskView(long id, AccountAction action, String state, int attempts, Instant createdAt,
            Instant nextAttemptAt, Instant doneAt, Instant failedAt, String lastError) {

        static AccountTaskView of(AccountTask t) {
            String state = t.doneAt() != null ? (t.failedAt() != null ? "SUPERSEDED" : "DONE")
                    : t.failedAt() != null ? "FAILED" : "QUEUED";
            return new AccountTaskView(t.id(), t.action(), state, t.attempts(), t.createdAt(),
                    t.doneAt() == null && t.failedAt() == null ? t.nextAttemptAt() : null, t.doneAt(), t.failedAt(),
                    t.lastError());
        }
    }

    /**
     * A member's login: the Keycloak username, the Keycloak user it is linked to, its state, and the latest tasks
     * (newest first) with the error of any that failed.
     */
    public record AccountView(long memberId, String username, String keycloakUserId, AccountStatus status,
            boolean memberDisabled, List<AccountTaskView> tasks) {

        static AccountView of(Account account) {
            Member m = account.member();
            return new AccountView(m.id(), m.username(), m.keycloakUserId(), m.accountStatus(), m.disabled(),
                    account.tasks().stream().map(AccountTaskView::of).toList());
        }
    }

    /** The login to give a member. */
    public record LoginBody(@NotBlank @Size(max = 100) String username) {
    }

    /** A temporary password, shown this once. */
    public record OneTimePassword(String username, String temporaryPassword) {
    }

    /** The facts a branch secretary enters for a member. */
    public record MemberBody(@NotBlank @Size(max = 100) String name, @NotNull Gender gender, @Past LocalDate birthDate,
            @Size(max = 32) String ethnicity, @Size(max = 32) String education,
            @Pattern(regexp = "^\\+?[0-9][0-9-]{4,19}$", message = "must be a phone number of digits and hyphens") String phone,
            @PastOrPresent LocalDate joinedOn, @NotNull MemberStatus status, @NotNull Long branchId, boolean mobile,
            @Size(max = 18) String idCard) {

        MemberDraft toDraft() {
            return new MemberDraft(new MemberFacts(name, gender, birthDate, ethnicity, education, phone, joinedOn,
                    status, branchId, mobile, null), idCard);
        }
    }

    /** A new member: the facts plus the member number that identifies them in the tenant. */
    public record NewMember(
            @NotBlank @Size(max = 64) @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9_.-]*$", message = "must be letters, digits, '_', '.' or '-'") String code,
            @NotNull @Valid MemberBody member,
            @Size(max = 100) @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9._@-]{2,99}$", message = "must be 3 to 100 letters, digits, '.', '_', '@' or '-'") String username) {
    }

    @Inject
    MemberService members;

    @GET
    @RequiresPermission(Permission.MEMBERS_READ)
    @Operation(summary = "Search members by name prefix, branch subtree and status, one slice at a time")
    public Slice<MemberView> search(@QueryParam("name") @Size(max = 100) String name,
            @QueryParam("branchId") Long branchId, @QueryParam("status") MemberStatus status,
            @QueryParam("after") String after,
            @QueryParam("size") @DefaultValue("50") @Min(value = 1, message = "must be at least 1") @Max(value = 500, message = "must be at most 500") int size) {
        Slice<Member> slice = members.search(new MemberSearch(name, branchId, status, after, size));
        return new Slice<>(slice.items().stream().map(MemberView::of).toList(), slice.next());
    }

    @GET
    @Path("/{id}")
    @RequiresPermission(Permission.MEMBERS_READ)
    @Operation(summary = "Read one member")
    public MemberView get(@PathParam("id") long id) {
        return MemberView.of(members.get(id));
    }

    @POST
    @RequiresPermission(Permission.MEMBERS_WRITE)
    @Operation(summary = "Add a member, within the plan's member quota")
    public Response create(@Valid @NotNull NewMember body, UriInfo uriInfo) {
        Member created = members.create(body.code(), body.member().toDraft(), body.username());
        return Response.created(uriInfo.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
                .entity(MemberView.of(created)).build();
    }

    @PUT
    @Path("/{id}")
    @RequiresPermission(Permission.MEMBERS_WRITE)
    @Operation(summary = "Change a member's facts; an absent idCard keeps the stored one")
    public MemberView update(@PathParam("id") long id, @Valid @NotNull MemberBody body) {
        return MemberView.of(members.update(id, body.toDraft()));
    }

    /** How many failed accounts were queued again. */
    public record Retried(int queued) {
    }

    @POST
    @Path("/accounts/retry")
    @RequiresPermission(Permission.MEMBERS_WRITE)
    @Operation(summary = "Retry every failed account of the tenant (within a branch secretary's subtree)")
    public Retried retryFailedAccounts() {
        return new Retried(members.retryFailedAccounts());
    }

    @POST
    @Path("/{id}/disable")
    @RequiresPermission(Permission.MEMBERS_WRITE)
    @Operation(summary = "Disable a member (停用); their Keycloak account is disabled too")
    public MemberView disable(@PathParam("id") long id) {
        return MemberView.of(members.disable(id));
    }

    @POST
    @Path("/{id}/enable")
    @RequiresPermission(Permission.MEMBERS_WRITE)
    @Operation(summary = "Enable a disabled member; their Keycloak account is enabled again")
    public MemberView enable(@PathParam("id") long id) {
        return MemberView.of(members.enable(id));
    }

    @GET
    @Path("/{id}/account")
    @RequiresPermission(Permission.MEMBERS_READ)
    @Operation(summary = "A member's login: Keycloak user, state, and the latest account tasks with their errors")
    public AccountView account(@PathParam("id") long id) {
        return AccountView.of(members.account(id));
    }

    @PUT
    @Path("/{id}/account")
    @RequiresPermission(Permission.MEMBERS_WRITE)
    @Operation(summary = "Give a member a login, change it before its account exists, or retry a failed one")
    @APIResponseSchema(value = AccountView.class, responseCode = "202")
    public Response setLogin(@PathParam("id") long id, @Valid @NotNull LoginBody body) {
        return Response.accepted(AccountView.of(members.setLogin(id, body.username()))).build();
    }

    @POST
    @Path("/{id}/account/one-time-password")
    @RequiresPermission(Permission.MEMBERS_WRITE)
    @Operation(summary = "Issue a temporary password for the member's account; shown once, changed at first sign-in")
    @APIResponseSchema(value = OneTimePassword.class, responseCode = "200")
    public Response oneTimePassword(@PathParam("id") long id) {
        String password = members.issueOneTimePassword(id);
        // A password: never kept by a cache or a proxy.
        return Response.ok(new OneTimePassword(members.get(id).username(), password))
                .header("Cache-Control", "no-store").build();
    }
}
