package cloud.dangjian.plugins.points.domain;

/** Where a task (工作任务) stands: published, claimed by a member, reported complete, approved (points granted). */
public enum TaskStatus {
    OPEN, CLAIMED, COMPLETED, APPROVED
}
