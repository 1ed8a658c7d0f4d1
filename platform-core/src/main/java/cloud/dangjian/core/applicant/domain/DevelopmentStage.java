package cloud.dangjian.core.applicant.domain;

/**
 * The stages of member development (党员发展流程), in order: 入党申请人 → 入党积极分子 → 发展对象 → 预备党员 → 正式党员. An applicant moves one
 * stage at a time; reaching PROBATIONARY makes them a member of their branch.
 */
public enum DevelopmentStage {
    /** 入党申请人: has handed in an application. */
    APPLICANT,
    /** 入党积极分子: confirmed as an activist by the branch. */
    ACTIVIST,
    /** 发展对象: a development candidate after party-school study. */
    DEVELOPMENT_CANDIDATE,
    /** 预备党员: admitted as a probationary member. */
    PROBATIONARY,
    /** 正式党员: a full member after the probation year. */
    FULL_MEMBER;

    /** The stage after this one, or null at the end. */
    public DevelopmentStage next() {
        return this == FULL_MEMBER ? null : values()[ordinal() + 1];
    }
}
