package cloud.dangjian.core.member.account;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AccountWorkerBackOffTest {

    @Test
    void shouldDoubleTheDelayPerAttemptUpToTheLongest() {
        AccountWorker worker = new AccountWorker();
        worker.firstRetry = Duration.ofSeconds(5);
        worker.longestRetry = Duration.ofHours(1);
        assertEquals(Duration.ofSeconds(5), worker.backOff(1));
        assertEquals(Duration.ofSeconds(10), worker.backOff(2));
        assertEquals(Duration.ofSeconds(40), worker.backOff(4));
        assertEquals(Duration.ofHours(1), worker.backOff(12));
        assertEquals(Duration.ofHours(1), worker.backOff(500));
    }

    @Test
    void shouldMakeOneTimePasswordsOfEveryKindOfCharacter() {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < 200; i++) {
            String password = KeycloakAccounts.oneTimePassword();
            org.junit.jupiter.api.Assertions.assertTrue(
                    password.matches("^(?=.*[A-Z])(?=.*[a-z])(?=.*[0-9])[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}$"),
                    password);
            seen.add(password);
        }
        assertEquals(200, seen.size());
    }

    @Test
    void shouldLeaveOutWhatKeycloakRefusesInNames() {
        assertEquals("王芳 Wang Fang", KeycloakAccounts.displayName("王芳 (Wang Fang)"));
        assertEquals("欧阳娜娜", KeycloakAccounts.displayName("欧阳娜娜"));
        assertEquals(null, KeycloakAccounts.displayName("<>"));
    }
}
