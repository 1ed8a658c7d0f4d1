package cloud.dangjian.core.member.service;

import cloud.dangjian.core.member.domain.MemberStatus;

/**
 * What to look for among a tenant's members; every part is optional.
 *
 * @param namePrefix
 *            the start of the name (姓名), e.g. a family name
 * @param branchId
 *            an organisation whose whole subtree is searched
 * @param status
 *            full or probationary members only
 * @param after
 *            the cursor of the previous slice
 * @param size
 *            how many members per slice
 */
public record MemberSearch(String namePrefix, Long branchId, MemberStatus status, String after, int size) {
}
