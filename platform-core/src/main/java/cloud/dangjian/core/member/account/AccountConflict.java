package cloud.dangjian.core.member.account;

/**
 * A permanent reason the member's Keycloak user cannot be made: retrying changes nothing until an administrator acts
 * (chooses another login, or removes the user who holds it). The task is parked with this message.
 */
public class AccountConflict extends RuntimeException {

    public AccountConflict(String message) {
        super(message);
    }
}
