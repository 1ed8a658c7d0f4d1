package cloud.dangjian.core.member.domain;

/** 性别. */
public enum Gender {
    MALE, FEMALE
}
