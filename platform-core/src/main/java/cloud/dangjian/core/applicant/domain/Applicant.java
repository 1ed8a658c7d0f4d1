package cloud.dangjian.core.applicant.domain;

import cloud.dangjian.core.member.domain.Gender;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.annotations.TenantId;

/**
 * A person on the way to membership (入党申请人 / 积极分子 / 发展对象), kept in the activist database (入党积极分子信息库) with the date each
 * stage was reached.
 */
@Entity
@Table(name = "applicants")
public class Applicant {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;

    @Column(nullable = false, updatable = false)
    private String code;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Gender gender;

    @Column(name = "birth_date")
    private LocalDate birthDate;

    private String phone;

    @Column(name = "branch_id", nullable = false)
    private Long branchId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DevelopmentStage stage = DevelopmentStage.APPLICANT;

    @Column(name = "applied_on", nullable = false)
    private LocalDate appliedOn;

    @Column(name = "activist_on")
    private LocalDate activistOn;

    @Column(name = "candidate_on")
    private LocalDate candidateOn;

    @Column(name = "probationary_on")
    private LocalDate probationaryOn;

    @Column(name = "full_member_on")
    private LocalDate fullMemberOn;

    @Column(name = "member_id")
    private Long memberId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.now();

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt = createdAt;

    @Version
    private long version;

    protected Applicant() {
    }

    public Applicant(String code, String name, Gender gender, LocalDate birthDate, String phone, Long branchId,
            LocalDate appliedOn) {
        this.code = code;
        this.name = name;
        this.gender = gender;
        this.birthDate = birthDate;
        this.phone = phone;
        this.branchId = branchId;
        this.appliedOn = appliedOn;
    }

    /** The date the current stage was reached. */
    public LocalDate stageReachedOn() {
        return switch (stage) {
            case APPLICANT -> appliedOn;
            case ACTIVIST -> activistOn;
            case DEVELOPMENT_CANDIDATE -> candidateOn;
            case PROBATIONARY -> probationaryOn;
            case FULL_MEMBER -> fullMemberOn;
        };
    }

    /** Records reaching the next stage on {@code date}; the caller has checked the order. */
    public void advanceTo(DevelopmentStage next, LocalDate date) {
        switch (next) {
            case ACTIVIST -> activistOn = date;
            case DEVELOPMENT_CANDIDATE -> candidateOn = date;
            case PROBATIONARY -> probationaryOn = date;
            case FULL_MEMBER -> fullMemberOn = date;
            case APPLICANT -> throw new IllegalArgumentException("nobody advances to APPLICANT");
        }
        this.stage = next;
        this.updatedAt = Instant.now();
    }

    public void linkMember(long memberId) {
        this.memberId = memberId;
    }

    public Long id() {
        return id;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public Gender gender() {
        return gender;
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    public String phone() {
        return phone;
    }

    public Long branchId() {
        return branchId;
    }

    public DevelopmentStage stage() {
        return stage;
    }

    public LocalDate appliedOn() {
        return appliedOn;
    }

    public LocalDate activistOn() {
        return activistOn;
    }

    public LocalDate candidateOn() {
        return candidateOn;
    }

    public LocalDate probationaryOn() {
        return probationaryOn;
    }

    public LocalDate fullMemberOn() {
        return fullMemberOn;
    }

    public Long memberId() {
        return memberId;
    }
}
