package cloud.dangjian.core.notice.service;

/**
 * Who is reading notices: their login, the path of their home branch if they are a member of the tenant (notices of
 * that branch and every organisation above it reach them), and whether they see every notice of the tenant, as
 * secretaries and administrators who read the tenant's records do.
 */
public record NoticeReader(String username, String branchPath, boolean seesEveryNotice) {
}
