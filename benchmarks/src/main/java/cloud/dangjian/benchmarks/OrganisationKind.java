package cloud.dangjian.benchmarks;

/** The kinds of Party organisation the import file names, from the top of a tree down. */
enum OrganisationKind {
    /** 党委: holds committees, general branches and branches. */
    COMMITTEE,
    /** 党总支: holds branches. */
    GENERAL_BRANCH,
    /** 党支部: holds groups, and is the home of members. */
    BRANCH,
    /** 党小组. */
    GROUP
}
