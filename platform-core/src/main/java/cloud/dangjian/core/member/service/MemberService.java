package cloud.dangjian.core.member.service;

import cloud.dangjian.core.identity.service.TenantAccess;
import cloud.dangjian.core.member.account.AccountAction;
import cloud.dangjian.core.member.account.AccountConflict;
import cloud.dangjian.core.member.account.AccountQueue;
import cloud.dangjian.core.member.account.AccountTask;
import cloud.dangjian.core.member.account.KeycloakAccounts;
import cloud.dangjian.core.member.account.Logins;
import cloud.dangjian.core.member.domain.AccountStatus;
import cloud.dangjian.core.member.domain.IdCardNumbers;
import cloud.dangjian.core.member.domain.Member;
import cloud.dangjian.core.member.domain.MemberFacts;
import cloud.dangjian.core.member.domain.MemberRepository;
import cloud.dangjian.core.member.domain.MemberStatus;
import cloud.dangjian.core.member.domain.ProtectedIdCard;
import cloud.dangjian.core.organisation.domain.Organisation;
import cloud.dangjian.core.organisation.domain.OrganisationKind;
import cloud.dangjian.core.organisation.domain.OrganisationRepository;
import cloud.dangjian.core.paging.KeysetCursor;
import cloud.dangjian.core.paging.Prefixes;
import cloud.dangjian.core.paging.Slice;
import cloud.dangjian.core.problem.ProblemException;
import cloud.dangjian.core.tenancy.context.CurrentTenant;
import cloud.dangjian.core.tenancy.service.TenantStatusGate;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.jpa.HibernateHints;
import jakarta.ws.rs.core.Response.Status;
import java.util.ArrayList;
import java.util.List;

/** The current tenant's member database (党员信息库): records, search, and the plan's member quota. */
@ApplicationScoped
public class MemberService {

    /** A member's facts as received, before the branch and ID card are checked. */
    public record MemberDraft(MemberFacts facts, String idCard) {
    }

    @Inject
    MemberRepository members;

    @Inject
    OrganisationRepository organisations;

    @Inject
    IdCardProtector protector;

    @Inject
    CurrentTenant currentTenant;

    @Inject
    TenantStatusGate gate;

    @Inject
    TenantAccess access;

    /** A member's login and the Keycloak work queued or parked for it. */
    public record Account(Member member, List<AccountTask> tasks) {
    }

    @Inject
    AccountQueue accountQueue;

    @Inject
    KeycloakAccounts keycloak;

    @Inject
    EntityManager entityManager;

    /** A member without a login. */
    @Transactional
    public Member create(String code, MemberDraft draft) {
        return create(code, draft, null);
    }

    /**
     * A member, and when {@code username} is given their login: the member row and the task that creates the Keycloak
     * user commit together, and the account worker creates the user after the commit.
     */
    @Transactional
    public Member create(String code, MemberDraft draft, String username) {
        String login = checkedLogin(username, null);
        if (members.findByCode(code).isPresent()) {
            throw ProblemException.conflict("code", "a member with code '" + code + "' already exists");
        }
        int quota = gate.requireServable(currentTenant.require()).memberQuota();
        if (members.count() >= quota) {
            throw new ProblemException(Status.CONFLICT, "member-quota-exceeded", "Member quota exceeded",
                    "The tenant's plan allows " + quota + " members and all are in use; raise the plan's quota first.",
                    null, null);
        }
        Member member = new Member(code, checked(draft, null));
        if (login != null) {
            member.requestLogin(login);
        }
        persistClaimingLogin(member);
        if (login != null) {
            accountQueue.enqueue(member.tenantId(), member.id(), AccountAction.CREATE);
        }
        return member;
    }

    /**
     * Gives a member a login, changes it while no Keycloak user is linked yet, or (with the same login) tries again
     * after a parked failure. Queues the account worker.
     */
    @Transactional
    public Account setLogin(long id, String username) {
        Member member = get(id);
        access.requireWritable(organisations.findById(member.branchId()), "username");
        String login = checkedLogin(username, id);
        if (login == null) {
            throw ProblemException.invalidField("username", "username is required");
        }
        if (member.keycloakUserId() != null && !login.equals(member.username())) {
            throw ProblemException.conflict("username", "member '" + member.code() + "' already has the account '"
                    + member.username() + "'; Keycloak does not rename users");
        }
        if (member.username() != null && !login.equals(member.username())
                && accountQueue.hasOpenTask(member.tenantId(), member.id())) {
            // The worker may be making the user of the old login right now.
            throw ProblemException.conflict("username", "the account '" + member.username() + "' of member '"
                    + member.code() + "' is being created; change the login once it is done or has failed");
        }
        member.requestLogin(login);
        flushClaimingLogin(member);
        accountQueue.enqueue(member.tenantId(), member.id(), AccountAction.CREATE);
        return account(id);
    }

    /**
     * Tries again every parked account of the tenant that the caller may write (after Keycloak was fixed, say): each
     * gets a new task, which supersedes the parked one. Returns how many were queued.
     */
    @Transactional
    public int retryFailedAccounts() {
        int queued = 0;
        for (long id : accountQueue.membersWithParkedTasks(currentTenant.require())) {
            Member member = get(id);
            if (member.username() == null || !access.isWritable(organisations.findById(member.branchId()))) {
                continue;
            }
            member.requestLogin(member.username());
            accountQueue.enqueue(member.tenantId(), member.id(),
                    member.disabled() ? AccountAction.DISABLE : AccountAction.CREATE);
            queued++;
        }
        return queued;
    }

    /** 停用: the member is disabled, and the worker disables their Keycloak user. */
    @Transactional
    public Member disable(long id) {
        Member member = get(id);
        access.requireWritable(organisations.findById(member.branchId()), "id");
        if (!member.disabled()) {
            member.disable();
            if (member.hasManagedLogin()) {
                accountQueue.enqueue(member.tenantId(), member.id(), AccountAction.DISABLE);
            }
        }
        return member;
    }

    /** The member is enabled again, and the worker enables their Keycloak user. */
    @Transactional
    public Member enable(long id) {
        Member member = get(id);
        access.requireWritable(organisations.findById(member.branchId()), "id");
        if (member.disabled()) {
            member.enable();
            if (member.hasManagedLogin()) {
                accountQueue.enqueue(member.tenantId(), member.id(), AccountAction.ENABLE);
            }
        }
        return member;
    }

    /** The member's login, its state in Keycloak, and the latest tasks with their errors. */
    @Transactional
    public Account account(long id) {
        Member member = get(id);
        return new Account(member, accountQueue.ofMember(member.tenantId(), id, 10));
    }

    /**
     * A random temporary password for the member's Keycloak user, shown once to the administrator and stored nowhere;
     * Keycloak makes the member choose their own at the first sign-in.
     */
    public String issueOneTimePassword(long id) {
        Member member = QuarkusTransaction.requiringNew().call(() -> {
            Member found = get(id);
            access.requireWritable(organisations.findById(found.branchId()), "id");
            return found;
        });
        if (member.keycloakUserId() == null || member.accountStatus() != AccountStatus.ACTIVE) {
            throw ProblemException.conflict("username", "member '" + member.code()
                    + "' has no active account yet (account status " + member.accountStatus() + ")");
        }
        try {
            return keycloak.issueOneTimePassword(member.tenantId(), member.id(), member.keycloakUserId());
        } catch (AccountConflict e) {
            throw ProblemException.conflict("username", e.getMessage());
        }
    }

    /**
     * Links a login that lives outside the platform's own account management (the demo realm's users, an organisation
     * department's existing single sign-on users) to the member with {@code code}, as an operator's tenant file says.
     * No account task and no Keycloak change: the platform never adopts or alters a user it did not make. The login
     * stays one member's on the whole platform.
     *
     * @return whether anything changed
     */
    @Transactional
    public boolean linkExternalLogin(String code, String username) {
        Member member = members.findByCode(code)
                .orElseThrow(() -> ProblemException.invalidField("member", "no member with code '" + code + "'"));
        String login = checkedLogin(username, member.id());
        if (login.equals(member.username())) {
            return false;
        }
        if (member.username() != null) {
            throw ProblemException.conflict("member",
                    "member '" + code + "' already has the login '" + member.username() + "'");
        }
        member.linkExternalLogin(login);
        flushClaimingLogin(member);
        return true;
    }

    /** Persists a new member; a login that another tenant's member holds is refused like a duplicate code. */
    private void persistClaimingLogin(Member member) {
        claimingLogin(member, () -> members.persist(member));
    }

    private void flushClaimingLogin(Member member) {
        claimingLogin(member, entityManager::flush);
    }

    /** Runs a write that may insert the member's login; one already taken elsewhere is a 409, not a 500. */
    private void claimingLogin(Member member, Runnable write) {
        try {
            write.run();
            entityManager.flush();
        } catch (PersistenceException e) {
            if (isUsernameTaken(e)) {
                throw ProblemException.conflict("username",
                        "the login '" + member.username() + "' is already taken on the platform");
            }
            throw e;
        }
    }

    private static boolean isUsernameTaken(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException violation
                    && ("members_username_unique".equals(violation.getConstraintName())
                            || String.valueOf(violation.getMessage()).contains("members_username_unique"))) {
                return true;
            }
        }
        return false;
    }

    private String checkedLogin(String username, Long self) {
        String login = Logins.normalise(username);
        if (login == null) {
            return null;
        }
        Logins.problemWith(login).ifPresent(problem -> {
            throw ProblemException.invalidField("username", "username " + problem);
        });
        members.findByUsername(login).filter(other -> !other.id().equals(self)).ifPresent(other -> {
            throw ProblemException.conflict("username",
                    "the login '" + login + "' is already member " + other.code() + "'s");
        });
        return login;
    }

    @Transactional
    public Member update(long id, MemberDraft draft) {
        Member member = get(id);
        String name = member.name();
        member.apply(checked(draft, member));
        if (member.hasManagedLogin() && !member.name().equals(name)) {
            // The Keycloak user shows the member's name.
            accountQueue.enqueue(member.tenantId(), member.id(), AccountAction.UPDATE);
        }
        return member;
    }

    /** 转正: a probationary member becomes a full member. */
    @Transactional
    public Member confirmFullMembership(long id) {
        Member member = get(id);
        if (member.status() != MemberStatus.PROBATIONARY) {
            throw ProblemException.conflict("status", "member '" + member.code() + "' is already a full member");
        }
        member.confirmFullMembership();
        return member;
    }

    @Transactional
    public Member get(long id) {
        return members.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Member", id));
    }

    /** One slice of members ordered by name, then id. */
    @Transactional
    public Slice<Member> search(MemberSearch search) {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (search.namePrefix() != null && !search.namePrefix().isEmpty()) {
            conditions.add("name >= :from and name < :to");
            parameters.and("from", search.namePrefix()).and("to", Prefixes.upperBound(search.namePrefix()));
        }
        if (search.branchId() != null) {
            Organisation branch = organisations.findByIdOptional(search.branchId()).orElseThrow(
                    () -> ProblemException.invalidField("branchId", "no organisation with id " + search.branchId()));
            conditions.add("branchId in (select o.id from Organisation o where o.path like :path)");
            parameters.and("path", branch.path() + "%");
        }
        if (search.status() != null) {
            conditions.add("status = :status");
            parameters.and("status", search.status());
        }
        if (search.after() != null) {
            KeysetCursor cursor = KeysetCursor.decode(search.after());
            // A row comparison, unlike the equivalent OR, is one range of the (tenant_id, name, id) index.
            conditions.add("(name, id) > (:afterName, :afterId)");
            parameters.and("afterName", cursor.key()).and("afterId", cursor.id());
        }
        String where = conditions.isEmpty() ? "" : String.join(" and ", conditions) + " ";
        // Read-only: no snapshots for dirty checking, which a slice of members would otherwise pay for.
        List<Member> found = members.find(where + "order by name, id", parameters)
                .withHint(HibernateHints.HINT_READ_ONLY, true).range(0, search.size()).list();
        // range(0, size) is inclusive: it fetches one row more than a slice holds, which tells whether more exist.
        boolean more = found.size() > search.size();
        List<Member> page = more ? found.subList(0, search.size()) : found;
        String next = more ? new KeysetCursor(page.get(page.size() - 1).name(), page.get(page.size() - 1).id()).encode()
                : null;
        return new Slice<>(page, next);
    }

    private MemberFacts checked(MemberDraft draft, Member existing) {
        Organisation branch = organisations.findByIdOptional(draft.facts().branchId())
                .orElseThrow(() -> ProblemException.invalidField("branchId",
                        "no organisation with id " + draft.facts().branchId() + " in this tenant"));
        if (branch.kind() != OrganisationKind.BRANCH) {
            throw ProblemException.invalidField("branchId",
                    "a member's home organisation must be a branch (党支部), not a " + branch.kind());
        }
        access.requireWritable(branch, "branchId");
        if (existing != null && !existing.branchId().equals(branch.id())) {
            access.requireWritable(organisations.findById(existing.branchId()), "branchId");
        }
        ProtectedIdCard idCard = null;
        if (draft.idCard() != null && !draft.idCard().isBlank()) {
            String number = IdCardNumbers.normalise(draft.idCard());
            IdCardNumbers.problemWith(number).ifPresent(problem -> {
                throw ProblemException.invalidField("idCard", "idCard " + problem);
            });
            idCard = protector.protect(number);
            byte[] hash = idCard.hash();
            members.find("idCardHash = ?1", hash).firstResultOptional()
                    .filter(other -> existing == null || !other.id().equals(existing.id())).ifPresent(other -> {
                        throw ProblemException.conflict("idCard",
                                "another member of this tenant (" + other.code() + ") has this ID card number");
                    });
        }
        MemberFacts f = draft.facts();
        return new MemberFacts(f.name(), f.gender(), f.birthDate(), f.ethnicity(), f.education(), f.phone(),
                f.joinedOn(), f.status(), f.branchId(), f.mobile(), idCard);
    }
}
