package cloud.dangjian.core.applicant.service;

import cloud.dangjian.core.applicant.domain.Applicant;
import cloud.dangjian.core.applicant.domain.ApplicantRepository;
import cloud.dangjian.core.applicant.domain.DevelopmentStage;
import cloud.dangjian.core.identity.service.TenantAccess;
import cloud.dangjian.core.member.domain.Gender;
import cloud.dangjian.core.member.domain.Member;
import cloud.dangjian.core.member.domain.MemberFacts;
import cloud.dangjian.core.member.domain.MemberStatus;
import cloud.dangjian.core.member.service.MemberService;
import cloud.dangjian.core.member.service.MemberService.MemberDraft;
import cloud.dangjian.core.organisation.domain.Organisation;
import cloud.dangjian.core.organisation.domain.OrganisationKind;
import cloud.dangjian.core.organisation.domain.OrganisationRepository;
import cloud.dangjian.core.paging.KeysetCursor;
import cloud.dangjian.core.paging.Prefixes;
import cloud.dangjian.core.paging.Slice;
import cloud.dangjian.core.problem.ProblemException;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The member development process (党员发展流程) of the current tenant: applications, then one stage at a time up to full
 * membership. Reaching PROBATIONARY creates the member record (within the plan's quota); FULL_MEMBER confirms it.
 */
@ApplicationScoped
public class ApplicantService {

    /** Who applies, and when. */
    public record ApplicationDraft(String code, String name, Gender gender, LocalDate birthDate, String phone,
            long branchId, LocalDate appliedOn) {
    }

    @Inject
    ApplicantRepository applicants;

    @Inject
    OrganisationRepository organisations;

    @Inject
    MemberService members;

    @Inject
    TenantAccess access;

    @Transactional
    public Applicant apply(ApplicationDraft draft) {
        if (applicants.findByCode(draft.code()).isPresent()) {
            throw ProblemException.conflict("code", "an applicant with code '" + draft.code() + "' already exists");
        }
        Organisation branch = organisations.findByIdOptional(draft.branchId()).orElseThrow(() -> ProblemException
                .invalidField("branchId", "no organisation with id " + draft.branchId() + " in this tenant"));
        if (branch.kind() != OrganisationKind.BRANCH) {
            throw ProblemException.invalidField("branchId", "an application is made to a branch (党支部)");
        }
        access.requireWritable(branch, "branchId");
        Applicant applicant = new Applicant(draft.code(), draft.name(), draft.gender(), draft.birthDate(),
                draft.phone(), draft.branchId(), draft.appliedOn());
        applicants.persist(applicant);
        return applicant;
    }

    /** Moves an applicant to the next stage on {@code date}; skipping or going back is refused. */
    @Transactional
    public Applicant advance(long id, DevelopmentStage stage, LocalDate date) {
        Applicant applicant = get(id);
        access.requireWritable(organisations.findById(applicant.branchId()), "id");
        DevelopmentStage expected = applicant.stage().next();
        if (expected == null) {
            throw ProblemException.conflict("stage", "a full member has completed the development process");
        }
        if (stage != expected) {
            throw ProblemException.invalidField("stage", "the next stage after " + applicant.stage() + " is " + expected
                    + "; stages are reached one at a time");
        }
        if (date.isBefore(applicant.stageReachedOn())) {
            throw ProblemException.invalidField("on",
                    "must not be before " + applicant.stage() + " was reached (" + applicant.stageReachedOn() + ")");
        }
        if (stage == DevelopmentStage.PROBATIONARY) {
            Member member = members.create(applicant.code(), new MemberDraft(
                    new MemberFacts(applicant.name(), applicant.gender(), applicant.birthDate(), null, null,
                            applicant.phone(), date, MemberStatus.PROBATIONARY, applicant.branchId(), false, null),
                    null));
            applicant.linkMember(member.id());
        }
        if (stage == DevelopmentStage.FULL_MEMBER) {
            members.confirmFullMembership(applicant.memberId());
        }
        applicant.advanceTo(stage, date);
        return applicant;
    }

    @Transactional
    public Applicant get(long id) {
        return applicants.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Applicant", id));
    }

    /**
     * One slice of applicants, optionally those whose name starts with {@code namePrefix} and those at one stage,
     * ordered by name then id. A prefix is a range of the (tenant_id, name, id) index, as for members.
     */
    @Transactional
    public Slice<Applicant> list(String namePrefix, DevelopmentStage stage, String after, int size) {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (namePrefix != null && !namePrefix.isEmpty()) {
            conditions.add("name >= :from and name < :to");
            parameters.and("from", namePrefix).and("to", Prefixes.upperBound(namePrefix));
        }
        if (stage != null) {
            conditions.add("stage = :stage");
            parameters.and("stage", stage);
        }
        if (after != null) {
            KeysetCursor cursor = KeysetCursor.decode(after);
            // A row comparison, unlike the equivalent OR, is one range of the (tenant_id, name, id) index.
            conditions.add("(name, id) > (:afterName, :afterId)");
            parameters.and("afterName", cursor.key()).and("afterId", cursor.id());
        }
        String where = conditions.isEmpty() ? "" : String.join(" and ", conditions) + " ";
        List<Applicant> found = applicants.find(where + "order by name, id", parameters).range(0, size).list();
        boolean more = found.size() > size;
        List<Applicant> page = more ? found.subList(0, size) : found;
        Applicant last = more ? page.get(page.size() - 1) : null;
        return new Slice<>(page, last == null ? null : new KeysetCursor(last.name(), last.id()).encode());
    }
}
