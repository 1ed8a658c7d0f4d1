package cloud.dangjian.core.notice.service;

import cloud.dangjian.core.notice.domain.Notice;
import cloud.dangjian.core.organisation.domain.Organisation;
import cloud.dangjian.core.organisation.domain.OrganisationRepository;
import cloud.dangjian.core.identity.service.TenantAccess;
import cloud.dangjian.core.problem.Problem;
import cloud.dangjian.core.problem.ProblemException;
import cloud.dangjian.core.tenancy.context.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.ws.rs.core.Response.Status;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The current tenant's notices: publishing one down the tree, listing what reaches a reader, and opening one, which
 * leaves the reader's receipt. Runs inside the caller's transaction, as the tenant.
 */
@ApplicationScoped
public class NoticeBoard {

    public static final int MAX_TITLE = 200;
    public static final int MAX_BODY = 10_000;

    /** One line of a list: {@code readCount} is filled only for readers who see every notice. */
    public record NoticeLine(long id, String title, String organisationName, String publishedBy, Instant publishedAt,
            boolean read, long readCount) {
    }

    /** An opened notice; {@code audience} (members it reaches) and {@code readCount} only for those who see all. */
    public record OpenedNotice(NoticeLine line, String body, long audience) {
    }

    /**
     * Who may see a row {@code n} joined to its organisation {@code o}: every notice for those who see all, else the
     * tenant-wide ones and those addressed to the reader's branch or any organisation above it.
     */
    private static final String REACHES = """
            (:all OR n.organisation_id IS NULL OR (CAST(:path AS text) IS NOT NULL AND :path LIKE o.path || '%'))""";

    private static final String LINE = """
            SELECT n.id, n.title, o.name, n.published_by, n.published_at,
                   EXISTS (SELECT 1 FROM notice_reads r
                            WHERE r.tenant_id = n.tenant_id AND r.notice_id = n.id AND r.reader = :reader),
                   CASE WHEN :all THEN (SELECT count(*) FROM notice_reads r
                                         WHERE r.tenant_id = n.tenant_id AND r.notice_id = n.id) ELSE 0 END
              FROM notices n
              LEFT JOIN organisations o ON o.tenant_id = n.tenant_id AND o.id = n.organisation_id
             WHERE n.tenant_id = :tenant AND""" + REACHES;

    @Inject
    EntityManager entityManager;

    @Inject
    OrganisationRepository organisations;

    @Inject
    TenantAccess access;

    @Inject
    TenantContext tenant;

    /**
     * Publishes a notice to {@code organisationId}'s subtree, or to the whole tenant when it is null. A branch
     * secretary addresses only organisations inside their own subtree.
     */
    public Notice publish(Long organisationId, String title, String body, String publishedBy) {
        String cleanTitle = title == null ? "" : title.strip();
        if (cleanTitle.isEmpty() || cleanTitle.length() > MAX_TITLE) {
            throw ProblemException.invalidField("title", "title must be 1 to " + MAX_TITLE + " characters");
        }
        String cleanBody = body == null ? "" : body.strip();
        if (cleanBody.isEmpty() || cleanBody.length() > MAX_BODY) {
            throw ProblemException.invalidField("body", "body must be 1 to " + MAX_BODY + " characters");
        }
        if (organisationId == null) {
            if (!access.writesWholeTenant()) {
                String detail = "Only the tenant's administrators address the whole tenant; choose one of your organisations";
                throw new ProblemException(Status.FORBIDDEN, "outside-your-organisation", "Outside your organisation",
                        detail, "organisationId", List.of(new Problem.FieldError("organisationId", detail)));
            }
        } else {
            Organisation organisation = organisations.findByIdOptional(organisationId).orElseThrow(
                    () -> ProblemException.invalidField("organisationId", "no organisation with id " + organisationId));
            access.requireWritable(organisation, "organisationId");
        }
        Notice notice = new Notice(organisationId, cleanTitle, cleanBody, publishedBy);
        entityManager.persist(notice);
        entityManager.flush();
        return notice;
    }

    /** The notices reaching {@code reader}, newest first, older than {@code beforeId} when given. */
    public List<NoticeLine> reaching(NoticeReader reader, Long beforeId, int limit) {
        Query query = entityManager
                .createNativeQuery(LINE + " AND (CAST(:before AS bigint) IS NULL OR n.id < :before)"
                        + " ORDER BY n.id DESC LIMIT :limit")
                .setParameter("before", beforeId).setParameter("limit", limit);
        return lines(bind(query, reader));
    }

    /** How many of the latest hundred notices reaching {@code reader} they have not opened. */
    public long unread(NoticeReader reader) {
        // Only the receipts matter here, not the lines' read counts LINE would compute for secretaries.
        Query query = entityManager.createNativeQuery("""
                SELECT count(*) FROM (SELECT n.id FROM notices n
                  LEFT JOIN organisations o ON o.tenant_id = n.tenant_id AND o.id = n.organisation_id
                 WHERE n.tenant_id = :tenant AND""" + REACHES + """
                ORDER BY n.id DESC LIMIT 100) latest
                WHERE NOT EXISTS (SELECT 1 FROM notice_reads r
                                   WHERE r.tenant_id = :tenant AND r.notice_id = latest.id AND r.reader = :reader)""");
        return ((Number) bind(query, reader).getSingleResult()).longValue();
    }

    /** Opens a notice that reaches {@code reader} and records that they read it; empty if it does not reach them. */
    public Optional<OpenedNotice> open(NoticeReader reader, long id) {
        Query query = entityManager.createNativeQuery(LINE + " AND n.id = :id").setParameter("id", id);
        List<NoticeLine> found = lines(bind(query, reader));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        entityManager.createNativeQuery("""
                INSERT INTO notice_reads (tenant_id, notice_id, reader) VALUES (:tenant, :id, :reader)
                ON CONFLICT DO NOTHING""").setParameter("tenant", tenant.tenantId()).setParameter("id", id)
                .setParameter("reader", reader.username()).executeUpdate();
        NoticeLine line = found.get(0);
        Notice notice = entityManager.find(Notice.class, id);
        long audience = reader.seesEveryNotice() ? audienceOf(notice) : 0;
        long readCount = reader.seesEveryNotice() && !line.read() ? line.readCount() + 1 : line.readCount();
        NoticeLine seen = new NoticeLine(line.id(), line.title(), line.organisationName(), line.publishedBy(),
                line.publishedAt(), true, readCount);
        return Optional.of(new OpenedNotice(seen, notice.body(), audience));
    }

    /** The members a notice reaches: everyone below its organisation, or the whole tenant. */
    private long audienceOf(Notice notice) {
        String path = notice.organisationId() == null ? "/"
                : organisations.findByIdOptional(notice.organisationId()).map(Organisation::path).orElse("/");
        return ((Number) entityManager.createNativeQuery("""
                SELECT count(*) FROM members m
                  JOIN organisations o ON o.tenant_id = m.tenant_id AND o.id = m.branch_id
                 WHERE m.tenant_id = :tenant AND o.path LIKE :path || '%'""").setParameter("tenant", tenant.tenantId())
                .setParameter("path", path).getSingleResult()).longValue();
    }

    private Query bind(Query query, NoticeReader reader) {
        return query.setParameter("tenant", tenant.tenantId()).setParameter("reader", reader.username())
                .setParameter("all", reader.seesEveryNotice()).setParameter("path", reader.branchPath());
    }

    @SuppressWarnings("unchecked")
    private static List<NoticeLine> lines(Query query) {
        return ((List<Object[]>) query.getResultList()).stream()
                .map(row -> new NoticeLine(((Number) row[0]).longValue(), (String) row[1], (String) row[2],
                        (String) row[3], instant(row[4]), (Boolean) row[5], ((Number) row[6]).longValue()))
                .toList();
    }

    private static Instant instant(Object value) {
        return value instanceof Timestamp timestamp ? timestamp.toInstant() : (Instant) value;
    }
}
