package cloud.dangjian.plugins.points.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/**
 * Finds the member record of a signed-in user, for "my points". Logins are linked to member records by the member
 * accounts work (issue 3: {@code members.username}); until that column exists, nobody has a member record and the "me"
 * endpoints say so.
 */
@ApplicationScoped
public class MemberLink {

    @Inject
    EntityManager entityManager;

    private volatile boolean linked;

    /** The current tenant's member whose login is {@code username}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Long> memberOf(String username) {
        if (!linked()) {
            return Optional.empty();
        }
        List<?> ids = entityManager.createNativeQuery("SELECT id FROM members WHERE username = ?1")
                .setParameter(1, username).getResultList();
        return ids.stream().findFirst().map(id -> ((Number) id).longValue());
    }

    private boolean linked() {
        if (!linked) {
            linked = !entityManager.createNativeQuery("""
                    SELECT 1 FROM information_schema.columns
                    WHERE table_schema = current_schema() AND table_name = 'members' AND column_name = 'username'""")
                    .getResultList().isEmpty();
        }
        return linked;
    }
}
