package cloud.dangjian.core.onboarding.domain;

/** What a bulk import file holds. */
public enum ImportJobKind {
    MEMBERS, ORGANISATIONS
}
