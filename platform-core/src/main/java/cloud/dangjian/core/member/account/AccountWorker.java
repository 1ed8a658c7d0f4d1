package cloud.dangjian.core.member.account;

import cloud.dangjian.core.member.account.AccountQueue.Claimed;
import cloud.dangjian.core.member.account.KeycloakAccounts.Login;
import cloud.dangjian.core.tenancy.context.TenantScope;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Makes Keycloak match the members: claims due account tasks of every tenant, creates, adopts, enables or disables each
 * member's user, and records the outcome on the member. A passing failure (Keycloak unreachable, a 5xx) is retried with
 * exponential back-off; a permanent one ({@link AccountConflict}), or too many attempts, parks the task with its error
 * for an administrator to see on the member's account.
 */
@ApplicationScoped
public class AccountWorker {

    private static final Logger LOG = Logger.getLogger(AccountWorker.class);
    /** How long a claimed task is a worker's before another may take it up (a worker that died). */
    private static final Duration LEASE = Duration.ofMinutes(2);

    @Inject
    AccountQueue queue;

    @Inject
    AccountRecords records;

    @Inject
    KeycloakAccounts keycloak;

    @Inject
    TenantScope tenantScope;

    @ConfigProperty(name = "dangjian.accounts.batch-size", defaultValue = "20")
    int batchSize;

    @ConfigProperty(name = "dangjian.accounts.max-attempts", defaultValue = "10")
    int maxAttempts;

    @ConfigProperty(name = "dangjian.accounts.first-retry", defaultValue = "5S")
    Duration firstRetry;

    @ConfigProperty(name = "dangjian.accounts.longest-retry", defaultValue = "1H")
    Duration longestRetry;

    @ConfigProperty(name = "quarkus.keycloak.admin-client.server-url")
    Optional<String> adminServerUrl;

    void warnIfUnconfigured(@Observes StartupEvent event) {
        if (adminServerUrl.isEmpty()) {
            LOG.warn("No Keycloak Admin Client URL (QUARKUS_KEYCLOAK_ADMIN_CLIENT_SERVER_URL): members' accounts are"
                    + " queued but not created until it is set");
        }
    }

    @Scheduled(identity = "member-accounts", every = "${dangjian.accounts.poll-interval:5s}", delayed = "${dangjian.accounts.poll-delay:5s}", concurrentExecution = ConcurrentExecution.SKIP)
    void poll() {
        // A batch at a time until nothing is due, so a large import drains without waiting a poll per batch.
        int claimed;
        do {
            claimed = runOnce();
        } while (claimed == batchSize);
    }

    /** Claims and works one batch of due tasks; returns how many it claimed. */
    public int runOnce() {
        List<Claimed> claimed = queue.claim(batchSize, LEASE);
        for (Claimed task : claimed) {
            work(task);
        }
        return claimed.size();
    }

    private void work(Claimed task) {
        try {
            tenantScope.run(task.tenantId(), () -> {
                Optional<Login> login = records.loginOf(task.tenantId(), task.memberId());
                if (login.isEmpty()) {
                    records.nothingToDo(task.id());
                    return;
                }
                String userId = keycloak.reconcile(login.get());
                records.linked(task.id(), login.get(), userId);
            });
        } catch (AccountConflict e) {
            LOG.warnf("Account task %d (%s, member %d of %s) parked: %s", task.id(), task.action(), task.memberId(),
                    task.tenantId(), e.getMessage());
            park(task, e.getMessage());
        } catch (RuntimeException e) {
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            if (task.attempts() >= maxAttempts) {
                LOG.warnf("Account task %d parked after %d attempts: %s", task.id(), task.attempts(), error);
                park(task, "gave up after " + task.attempts() + " attempts; last: " + error);
            } else {
                Duration delay = backOff(task.attempts());
                LOG.infof("Account task %d failed (attempt %d), retrying in %s: %s", task.id(), task.attempts(), delay,
                        error);
                queue.retryLater(task.id(), error, delay);
            }
        }
    }

    private void park(Claimed task, String error) {
        tenantScope.run(task.tenantId(), () -> records.parked(task.id(), task.memberId(), error));
    }

    /** first-retry, doubled per attempt, at most longest-retry. */
    Duration backOff(int attempts) {
        Duration delay = firstRetry.multipliedBy(1L << Math.min(attempts - 1, 20));
        return delay.compareTo(longestRetry) > 0 ? longestRetry : delay;
    }
}
