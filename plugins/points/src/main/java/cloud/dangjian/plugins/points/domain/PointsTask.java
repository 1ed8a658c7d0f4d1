package cloud.dangjian.plugins.points.domain;

import java.time.Instant;

/** A task a branch published for points, as stored. */
public record PointsTask(long id, long organisationId, String title, String description, int points, TaskStatus status,
        String publishedBy, Instant publishedAt, Long memberId, String claimedBy, Instant claimedAt, String completedBy,
        Instant completedAt, String completionNote, String approvedBy, Instant approvedAt, Long ledgerEntryId) {
}
