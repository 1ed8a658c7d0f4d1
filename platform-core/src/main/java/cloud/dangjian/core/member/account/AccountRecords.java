package cloud.dangjian.core.member.account;

import cloud.dangjian.core.identity.domain.Role;
import cloud.dangjian.core.identity.service.MembershipService;
import cloud.dangjian.core.identity.service.MembershipService.Grant;
import cloud.dangjian.core.member.account.KeycloakAccounts.Login;
import cloud.dangjian.core.member.domain.AccountStatus;
import cloud.dangjian.core.member.domain.Member;
import cloud.dangjian.core.member.domain.MemberRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;

/**
 * The account worker's reads and writes of member rows; each runs as the task's tenant (called inside
 * {@code TenantScope}), so row-level security applies to the worker as to a request.
 */
@ApplicationScoped
public class AccountRecords {

    @Inject
    MemberRepository members;

    @Inject
    AccountQueue queue;

    @Inject
    MembershipService memberships;

    /** The member's login as the row holds it now, or empty when the member has no login. */
    @Transactional
    public Optional<Login> loginOf(String tenantId, long memberId) {
        Member member = members.findByIdOptional(memberId)
                .orElseThrow(() -> new IllegalStateException("no member " + memberId + " in tenant " + tenantId));
        if (member.username() == null) {
            return Optional.empty();
        }
        return Optional.of(new Login(tenantId, memberId, member.username(), member.name(), member.disabled(),
                member.keycloakUserId()));
    }

    /**
     * Records that Keycloak matches the member: the user's id, its state, and the member's MEMBER membership of the
     * tenant (so the login reaches the tenant), together with the task's completion.
     */
    @Transactional
    public void linked(long taskId, Login login, String keycloakUserId) {
        // Only for the login the user was made for (a defence: a login cannot change while its task runs).
        int recorded = members.update("keycloakUserId = ?1, accountStatus = ?2 where id = ?3 and username = ?4",
                keycloakUserId, login.disabled() ? AccountStatus.DISABLED : AccountStatus.ACTIVE, login.memberId(),
                login.username());
        if (recorded == 0) {
            throw new IllegalStateException("the login of member " + login.memberId() + " changed while its account '"
                    + login.username() + "' was being made");
        }
        memberships.grant(new Grant(login.username(), Role.MEMBER, null, login.tenantId(), null));
        queue.succeed(taskId);
    }

    /** The member has no login (it was never set): nothing to do in Keycloak. */
    @Transactional
    public void nothingToDo(long taskId) {
        queue.succeed(taskId);
    }

    /** The task is parked and the member's account shows as failed until an administrator acts. */
    @Transactional
    public void parked(long taskId, long memberId, String error) {
        members.update("accountStatus = ?1 where id = ?2", AccountStatus.FAILED, memberId);
        queue.park(taskId, error);
    }
}
