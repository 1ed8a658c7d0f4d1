package cloud.dangjian.plugins.points.service;

import cloud.dangjian.core.member.domain.Member;
import cloud.dangjian.core.member.domain.MemberRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;

/** Finds the member record of a signed-in user, for "my points": the member whose login is theirs. */
@ApplicationScoped
public class MemberLink {

    @Inject
    MemberRepository members;

    /** The current tenant's member whose login is {@code username}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Long> memberOf(String username) {
        return members.findByUsername(username).map(Member::id);
    }
}
