package org.seminar.annotator.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.jboss.logging.Logger;
import org.keycloak.representations.idm.UserRepresentation;
import org.seminar.annotator.config.AnnotatorConfig;
import org.seminar.annotator.web.ProblemException;

/**
 * An account as Keycloak has it now (enabled, this app's roles, seminar groups), so that disabling
 * someone, taking a role away or moving them out of a group takes effect on their next request,
 * not when their token expires. Asked at most once per account every few seconds
 * ({@code annotator.accounts.recheck-after}); changes made through this app are seen at once. While
 * Keycloak cannot be reached the last known state holds (or, never seen, the token's own claims).
 */
@ApplicationScoped
public class AccountStatus {

    private static final Logger LOG = Logger.getLogger(AccountStatus.class);

    /**
     * The account's current state; {@code exists=false} for an account deleted from Keycloak. Groups
     * are kept with their Keycloak ids, which a rename does not change.
     */
    public record Status(boolean exists, boolean enabled, Set<String> roles, Map<String, String> groupIdsByName) {
        public boolean mayUseTheApp() {
            return exists && enabled;
        }

        public List<String> groups() {
            return List.copyOf(groupIdsByName.keySet());
        }
    }

    private record Seen(Status status, long atNanos) {
    }

    private final Map<String, Seen> seen = new ConcurrentHashMap<>();
    /** Questions to Keycloak at once, at most. */
    static final int MAX_ASKING = 4;
    private final Semaphore askers = new Semaphore(MAX_ASKING);
    /** The question being asked of Keycloak now, per account. */
    private final Map<String, Object> asking = new ConcurrentHashMap<>();

    @Inject
    KeycloakAccounts keycloak;
    @Inject
    KeycloakReachability reachability;
    @Inject
    AnnotatorConfig config;

    /** The state if it was checked recently enough, without asking Keycloak; empty otherwise. */
    public Optional<Status> fresh(String userId) {
        Seen s = seen.get(userId);
        return s != null && System.nanoTime() - s.atNanos() < config.accounts().recheckAfter().toNanos() ? Optional.of(s.status()) : Optional.empty();
    }

    /**
     * The state now, asking Keycloak when the last answer is older than the recheck interval (blocks
     * for that call); empty when Keycloak cannot answer, or is being asked about this account or enough others at
     * this moment, and the account was never seen.
     */
    @ActivateRequestContext
    public Optional<Status> current(String userId) {
        Optional<Status> fresh = fresh(userId);
        if (fresh.isPresent()) {
            return fresh;
        }
        Seen last = seen.get(userId);
        if (!reachability.lastKnownReachable()) {
            return Optional.ofNullable(last).map(Seen::status);
        }
        // never more than a few threads wait on Keycloak: one question per account at a time, at most
        // MAX_ASKING at once. The requests that arrive meanwhile (a lecture hall signing in, sixteen tabs)
        // take the last known state, or, never seen, the token's own claims, instead of waiting: a burst of
        // waiting requests would hold every worker thread the Keycloak client needs to answer.
        Object mine = new Object();
        if (asking.putIfAbsent(userId, mine) != null) {
            return Optional.ofNullable(last).map(Seen::status);
        }
        if (!askers.tryAcquire()) {
            asking.remove(userId, mine);
            return Optional.ofNullable(last).map(Seen::status);
        }
        try {
            Status status = ask(userId);
            if (asking.get(userId) == mine) { // not forgotten meanwhile: a change made during the call asks again
                seen.put(userId, new Seen(status, System.nanoTime()));
            }
            return Optional.of(status);
        } catch (RuntimeException e) {
            LOG.debugf("Keycloak could not be asked about account %s (%s); keeping the last known state", userId, e.toString());
            return Optional.ofNullable(last).map(Seen::status);
        } finally {
            askers.release();
            asking.remove(userId, mine);
        }
    }

    /** Forgets what is known of an account, after this app changed it, so the next request asks again. */
    public void forget(String userId) {
        asking.remove(userId);
        seen.remove(userId);
    }

    /** Forgets every account's state, after a change that touches many (a group renamed or deleted). */
    public void forgetAll() {
        asking.clear();
        seen.clear();
    }

    private Status ask(String userId) {
        UserRepresentation user;
        try {
            user = keycloak.get(userId);
        } catch (ProblemException e) {
            if (e.status() == 404) {
                return new Status(false, false, Set.of(), Map.of());
            }
            throw e;
        }
        if (!Boolean.TRUE.equals(user.isEnabled())) {
            return new Status(true, false, Set.of(), Map.of());
        }
        return new Status(true, true, Set.copyOf(keycloak.roles(userId)), keycloak.groupIdsOf(userId));
    }
}
