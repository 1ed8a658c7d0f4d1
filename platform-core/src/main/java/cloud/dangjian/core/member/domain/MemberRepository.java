package cloud.dangjian.core.member.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** The current tenant's members. */
@ApplicationScoped
public class MemberRepository implements PanacheRepository<Member> {

    public Optional<Member> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }

    /** The member whose login (Keycloak username) this is. */
    public Optional<Member> findByUsername(String username) {
        return find("username", username).firstResultOptional();
    }
}
