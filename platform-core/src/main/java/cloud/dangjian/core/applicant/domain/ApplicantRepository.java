package cloud.dangjian.core.applicant.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** The current tenant's applicants and activists. */
@ApplicationScoped
public class ApplicantRepository implements PanacheRepository<Applicant> {

    public Optional<Applicant> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }
}
