package cloud.dangjian.core.identity.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Memberships by user. */
@ApplicationScoped
public class MembershipRepository implements PanacheRepository<Membership> {

    public List<Membership> ofUser(String username) {
        return list("username = ?1 order by id", username);
    }
}
