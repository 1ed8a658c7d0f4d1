package cloud.dangjian.core.member.domain;

import java.time.LocalDate;

/** The changeable facts of a member, validated, with the ID card already protected. */
public record MemberFacts(String name, Gender gender, LocalDate birthDate, String ethnicity, String education,
        String phone, LocalDate joinedOn, MemberStatus status, Long branchId, boolean mobile, ProtectedIdCard idCard) {
}
