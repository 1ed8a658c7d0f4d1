package cloud.dangjian.plugins.points.domain;

/** The kinds of ledger entries, after the three kinds of points the sources name, plus corrections. */
public enum EntryKind {
    /** 系统自动积分: earned by a platform event, under a rule. */
    AUTOMATIC,
    /** 工作任务积分: for a task a branch published, a member completed and the branch approved. */
    TASK,
    /** 附加积分: awarded by the organisation with a reason. */
    BONUS,
    /** A compensating entry for an earlier one, with a reason; history is never edited. */
    CORRECTION
}
