package cloud.dangjian.core.member.domain;

/** What Keycloak holds for a member's login, as the account worker last confirmed it. */
public enum AccountStatus {
    /**
     * The platform manages no Keycloak user for the member: they have no login, or one made elsewhere that an
     * operator's tenant file linked to the record.
     */
    NONE,
    /** A login is wanted and its Keycloak user is not created yet (a task is queued). */
    PENDING,
    /** The Keycloak user exists, is linked to the member and is enabled. */
    ACTIVE,
    /** The Keycloak user exists, is linked to the member and is disabled. */
    DISABLED,
    /** The last task was parked with an error an administrator must act on (see the member's account). */
    FAILED
}
