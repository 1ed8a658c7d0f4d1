package cloud.dangjian.core.organisation.service;

import cloud.dangjian.core.organisation.domain.Organisation;
import cloud.dangjian.core.organisation.domain.OrganisationKind;
import cloud.dangjian.core.organisation.domain.OrganisationRepository;
import cloud.dangjian.core.problem.ProblemException;
import cloud.dangjian.core.tenancy.context.CurrentTenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.List;

/** The current tenant's organisation tree: create, rename, move, read. */
@ApplicationScoped
public class OrganisationService {

    @Inject
    OrganisationRepository organisations;

    @Inject
    CurrentTenant currentTenant;

    @Transactional
    public Organisation create(String code, String name, OrganisationKind kind, Long parentId) {
        if (organisations.findByCode(code).isPresent()) {
            throw ProblemException.conflict("code", "an organisation with code '" + code + "' already exists");
        }
        Organisation parent = parentId == null ? null : parent(parentId);
        checkPlacement(kind, parent);
        Organisation organisation = new Organisation(code, name, kind, parent);
        organisations.persist(organisation);
        return organisation;
    }

    @Transactional
    public Organisation rename(long id, String name) {
        Organisation organisation = get(id);
        organisation.rename(name);
        return organisation;
    }

    /** Moves an organisation, with everything below it, under a new parent (or to the root). */
    @Transactional
    public Organisation move(long id, Long newParentId) {
        Organisation organisation = organisations.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("Organisation", id));
        Organisation parent = newParentId == null ? null : parent(newParentId);
        if (parent != null && organisation.contains(parent)) {
            throw ProblemException.conflict("parentId",
                    "an organisation cannot move under itself or one of its own descendants");
        }
        checkPlacement(organisation.kind(), parent);
        // Only the moved node's parent changes; its children's placements stay valid as they were.
        String oldPath = organisation.path();
        organisation.placeUnder(parent);
        organisations.flush();
        organisations.rewriteSubtreePaths(currentTenant.require(), oldPath, organisation.path());
        return organisation;
    }

    @Transactional
    public Organisation get(long id) {
        return organisations.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Organisation", id));
    }

    /** The whole tree, or the subtree under {@code rootId}, parents first. */
    @Transactional
    public List<Organisation> list(Long rootId) {
        return rootId == null ? organisations.all() : organisations.subtree(get(rootId));
    }

    private Organisation parent(long parentId) {
        return organisations.findByIdOptional(parentId).orElseThrow(() -> ProblemException.invalidField("parentId",
                "no organisation with id " + parentId + " in this tenant"));
    }

    private static void checkPlacement(OrganisationKind kind, Organisation parent) {
        if (parent == null && !kind.mayBeRoot()) {
            throw ProblemException.invalidField("parentId", "a party group (GROUP) must sit under a branch");
        }
        if (parent != null && !parent.kind().mayContain(kind)) {
            throw ProblemException.invalidField("kind",
                    "a " + kind + " cannot sit under a " + parent.kind() + " ('" + parent.code() + "')");
        }
    }
}
