package org.seminar.annotator.account;

import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.Permission;
import java.security.Principal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Applies the account's current state to every signed-in request, bearer token or session alike:
 * a session that has ended ({@link EndedSessions}: signed out, ended in Keycloak, the account
 * disabled) and a disabled or deleted account are refused (401, or sign-in again for pages), and
 * roles and groups are the ones Keycloak has now, not the ones the token was issued with.
 */
@ApplicationScoped
public class CurrentAccountAugmentor implements SecurityIdentityAugmentor {

    /** Identity attribute holding the seminar groups the account is in now, name → Keycloak id (a {@code Map<String, String>}). */
    public static final String GROUP_IDS = "annotator.group-ids";

    @Inject
    AccountStatus accounts;
    @Inject
    EndedSessions endedSessions;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt) || jwt.getSubject() == null) {
            return Uni.createFrom().item(identity);
        }
        if (endedSessions.isEnded(jwt)) {
            return Uni.createFrom().failure(refusal(identity, "The session has ended"));
        }
        Optional<AccountStatus.Status> fresh = accounts.fresh(jwt.getSubject());
        if (fresh.isPresent()) {
            return Uni.createFrom().item(() -> apply(identity, fresh));
        }
        return context.runBlocking(() -> apply(identity, accounts.current(jwt.getSubject())));
    }

    private static SecurityIdentity apply(SecurityIdentity identity, Optional<AccountStatus.Status> status) {
        if (status.isEmpty()) {
            return identity; // Keycloak unreachable and the account never seen: the token's claims hold
        }
        if (!status.get().mayUseTheApp()) {
            throw refusal(identity, "The account is disabled or no longer exists");
        }
        return new Current(identity, status.get());
    }

    /**
     * How a refused identity fails. A session (code flow, it carries the ID token) fails as Quarkus OIDC's own
     * "logged out" (its back-channel logout does the same): the session cookie is removed and the request goes on
     * as a failed sign-in (a page to sign-in again, the API 401 with a problem body), where any other failure there
     * is taken for a token that did not verify (logged as an error, an empty 401). A bearer token fails as such.
     */
    private static RuntimeException refusal(SecurityIdentity identity, String why) {
        if (identity.getCredential(IdTokenCredential.class) != null) {
            return new io.quarkus.oidc.runtime.LogoutException();
        }
        return new AuthenticationFailedException(why);
    }

    /** The token's identity with the account's current roles and groups. */
    static final class Current implements SecurityIdentity {

        private final SecurityIdentity token;
        private final Set<String> roles;
        private final Map<String, Object> attributes;

        Current(SecurityIdentity token, AccountStatus.Status status) {
            this.token = token;
            Set<String> kept = new HashSet<>(token.getRoles());
            kept.removeAll(Roles.ALL);
            kept.addAll(status.roles());
            this.roles = Set.copyOf(kept);
            Map<String, Object> all = new HashMap<>(token.getAttributes());
            all.put(GROUP_IDS, Map.copyOf(status.groupIdsByName()));
            this.attributes = all;
        }

        @Override
        public Principal getPrincipal() {
            return token.getPrincipal();
        }

        @Override
        public boolean isAnonymous() {
            return false;
        }

        @Override
        public Set<String> getRoles() {
            return roles;
        }

        @Override
        public boolean hasRole(String role) {
            return roles.contains(role);
        }

        @Override
        public Set<Permission> getPermissions() {
            return token.getPermissions();
        }

        @Override
        public <T extends io.quarkus.security.credential.Credential> T getCredential(Class<T> type) {
            return token.getCredential(type);
        }

        @Override
        public Set<io.quarkus.security.credential.Credential> getCredentials() {
            return token.getCredentials();
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getAttribute(String name) {
            return (T) attributes.get(name);
        }

        @Override
        public Map<String, Object> getAttributes() {
            return attributes;
        }

        @Override
        public Uni<Boolean> checkPermission(Permission permission) {
            return token.checkPermission(permission);
        }
    }
}
