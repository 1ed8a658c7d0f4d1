package cloud.dangjian.core.member.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.admin.client.resource.UsersResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Members' Keycloak users, through the Keycloak Admin API (the {@code quarkus.keycloak.admin-client.*} client: the
 * realm's {@code dangjian-accounts} service account, which holds only realm-management's user roles).
 * <p>
 * Every user the platform makes carries the attribute {@value #MEMBER_ATTRIBUTE} = {@code <tenant>/<member id>}. A user
 * is adopted only when it carries the member's value: a user of the same name that does not (a demo user, an
 * administrator, another tenant's member) is never linked, changed or disabled.
 */
@ApplicationScoped
public class KeycloakAccounts {

    public static final String MEMBER_ATTRIBUTE = "dangjian_member";
    /** Keycloak's required action that makes a user choose a password at their first sign-in. */
    public static final String UPDATE_PASSWORD = "UPDATE_PASSWORD";
    private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** What Keycloak's person-name-prohibited-characters validator refuses. */
    private static final Pattern PROHIBITED_IN_NAMES = Pattern.compile("[<>&\"$%!#?§;*~/\\\\|^=\\[\\]{}()\\p{Cntrl}]");

    /** The member a user is for, as the account worker reads it from the member row. */
    public record Login(String tenantId, long memberId, String username, String name, boolean disabled,
            String keycloakUserId) {

        String reference() {
            return reference(tenantId, memberId);
        }

        static String reference(String tenantId, long memberId) {
            return tenantId + "/" + memberId;
        }
    }

    @Inject
    Instance<Keycloak> keycloak;

    @ConfigProperty(name = "dangjian.accounts.realm", defaultValue = "dangjian")
    String realm;

    /**
     * Makes the member's user exist, carry the member's reference and be enabled exactly when the member is.
     * Idempotent: a second run, or a run after a crash half-way, finds the user made before and only corrects what
     * differs.
     *
     * @return the user's id
     *
     * @throws AccountConflict
     *             when the login belongs to a user that is not this member's
     */
    public String reconcile(Login login) {
        UsersResource users = users();
        UserRepresentation user = find(users, login);
        if (user == null) {
            user = create(users, login);
        }
        boolean enabled = !login.disabled();
        boolean enabling = !Boolean.valueOf(enabled).equals(user.isEnabled());
        String name = displayName(login.name());
        boolean renaming = !java.util.Objects.equals(name, user.getFirstName());
        if (enabling || renaming) {
            UserResource resource = users.get(user.getId());
            user.setEnabled(enabled);
            user.setFirstName(name);
            resource.update(user);
            if (!enabled) {
                // Ends sign-in sessions, so no refresh token outlives the member's disabling.
                resource.logout();
            }
        }
        return user.getId();
    }

    /**
     * Sets a random temporary password on the member's user: usable once, Keycloak then makes the member choose their
     * own. Returned to the caller and stored nowhere.
     */
    public String issueOneTimePassword(String tenantId, long memberId, String keycloakUserId) {
        UserResource resource = users().get(keycloakUserId);
        UserRepresentation user = resource.toRepresentation();
        if (!carries(user, Login.reference(tenantId, memberId))) {
            throw new AccountConflict("Keycloak user " + keycloakUserId + " is not linked to this member");
        }
        String password = oneTimePassword();
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(password);
        credential.setTemporary(true);
        resource.resetPassword(credential);
        return password;
    }

    /**
     * Three groups of four from letters and digits that cannot be mistaken for one another, joined by '-' (about 68
     * bits), with an upper-case letter, a lower-case letter, a digit and a symbol, as common password policies ask.
     */
    static String oneTimePassword() {
        while (true) {
            StringBuilder password = new StringBuilder();
            for (int i = 0; i < 12; i++) {
                if (i > 0 && i % 4 == 0) {
                    password.append('-');
                }
                password.append(PASSWORD_ALPHABET.charAt(RANDOM.nextInt(PASSWORD_ALPHABET.length())));
            }
            String candidate = password.toString();
            if (candidate.chars().anyMatch(Character::isUpperCase) && candidate.chars().anyMatch(Character::isLowerCase)
                    && candidate.chars().anyMatch(Character::isDigit)) {
                return candidate;
            }
        }
    }

    private UserRepresentation find(UsersResource users, Login login) {
        if (login.keycloakUserId() != null) {
            try {
                UserRepresentation linked = users.get(login.keycloakUserId()).toRepresentation();
                if (carries(linked, login.reference())) {
                    return linked;
                }
            } catch (NotFoundException e) {
                // Removed in Keycloak by hand: look it up by name, and make it again if it is gone.
            }
        }
        for (UserRepresentation candidate : users.searchByUsername(login.username(), true)) {
            if (!login.username().equalsIgnoreCase(candidate.getUsername())) {
                continue;
            }
            // Search results may leave attributes out; read the user whole before deciding.
            UserRepresentation user = users.get(candidate.getId()).toRepresentation();
            if (carries(user, login.reference())) {
                return user;
            }
            throw new AccountConflict("The login '" + login.username()
                    + "' already belongs to a Keycloak user that is not this member's; choose another login for the"
                    + " member (PUT …/members/" + login.memberId() + "/account) or remove that user in Keycloak");
        }
        return null;
    }

    private UserRepresentation create(UsersResource users, Login login) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(login.username());
        user.setFirstName(displayName(login.name()));
        user.setEnabled(!login.disabled());
        user.setAttributes(Map.of(MEMBER_ATTRIBUTE, List.of(login.reference())));
        user.setRequiredActions(List.of(UPDATE_PASSWORD));
        int status;
        String answer;
        try (Response response = users.create(user)) {
            status = response.getStatus();
            answer = status == Response.Status.CREATED.getStatusCode() ? "" : response.readEntity(String.class);
        } catch (WebApplicationException e) {
            status = e.getResponse().getStatus();
            answer = e.getMessage();
        }
        if (status == Response.Status.CONFLICT.getStatusCode()) {
            // Made meanwhile (another node, or an answer lost on the way): adopt it if it is ours, else conflict.
            UserRepresentation existing = find(users, login);
            if (existing == null) {
                throw new AccountConflict("Keycloak refused the login '" + login.username() + "': " + answer);
            }
            return existing;
        }
        if (status == 400) {
            throw new AccountConflict("Keycloak refused the user '" + login.username() + "': " + answer);
        }
        if (status != Response.Status.CREATED.getStatusCode()) {
            throw new IllegalStateException(
                    "Keycloak answered " + status + " to creating user '" + login.username() + "': " + answer);
        }
        UserRepresentation created = find(users, login);
        if (created == null) {
            throw new IllegalStateException("Keycloak created user '" + login.username() + "' but does not find it");
        }
        return created;
    }

    /**
     * The member's name as Keycloak accepts a person's name: its validator refuses characters such as brackets, which
     * would otherwise park the account of a member named "王芳 (Wang Fang)".
     */
    static String displayName(String name) {
        String cleaned = PROHIBITED_IN_NAMES.matcher(name).replaceAll(" ").replaceAll("\\s+", " ").strip();
        return cleaned.isEmpty() ? null : cleaned;
    }

    static boolean carries(UserRepresentation user, String reference) {
        Map<String, List<String>> attributes = user.getAttributes();
        return attributes != null && attributes.getOrDefault(MEMBER_ATTRIBUTE, List.of()).contains(reference);
    }

    private UsersResource users() {
        Keycloak client;
        try {
            client = keycloak.get();
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "No Keycloak Admin Client (set quarkus.keycloak.admin-client.server-url): " + e.getMessage(), e);
        }
        return client.realm(realm).users();
    }
}
