package cloud.dangjian.core.member.account;

/**
 * Why a task was queued. Every task makes the member's Keycloak user match the member row as it is when the task runs
 * (exists when the member has a login, enabled unless the member is disabled), so the action is a record of intent and
 * tasks of one member can never undo each other.
 */
public enum AccountAction {
    CREATE, UPDATE, DISABLE, ENABLE
}
