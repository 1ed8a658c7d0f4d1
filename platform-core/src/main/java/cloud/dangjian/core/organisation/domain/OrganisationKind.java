package cloud.dangjian.core.organisation.domain;

/** The kinds of party organisation inside a tenant, top down: 党委 → 党总支 → 党支部 → 党小组. */
public enum OrganisationKind {
    /** 党委: a party committee. */
    COMMITTEE,
    /** 党总支: a general party branch. */
    GENERAL_BRANCH,
    /** 党支部: a party branch, where members' organisation relationship (组织关系) lives. */
    BRANCH,
    /** 党小组: a party group inside a branch. */
    GROUP;

    /** Whether an organisation of this kind may have a child of {@code child}'s kind. */
    public boolean mayContain(OrganisationKind child) {
        return switch (this) {
            // A committee may hold second-level committees (二级党委), general branches and branches.
            case COMMITTEE -> child != GROUP;
            case GENERAL_BRANCH -> child == BRANCH;
            case BRANCH -> child == GROUP;
            case GROUP -> false;
        };
    }

    /** Whether an organisation of this kind may stand at the top of a tenant's tree. */
    public boolean mayBeRoot() {
        return this != GROUP;
    }
}
