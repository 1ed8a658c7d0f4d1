package cloud.dangjian.core.member.domain;

/** Whether a party member is full (正式党员) or probationary (预备党员). */
public enum MemberStatus {
    FULL, PROBATIONARY
}
