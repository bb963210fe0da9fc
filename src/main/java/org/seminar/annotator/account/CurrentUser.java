package org.seminar.annotator.account;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The person behind the current request, read from the verified token, for services and page templates. */
@RequestScoped
@Named("currentUser")
public class CurrentUser {

    @Inject
    SecurityIdentity identity;

    public boolean isSignedIn() {
        return !identity.isAnonymous();
    }

    /** The account's permanent id at Keycloak (the token's subject); null for anonymous requests. */
    public String accountId() {
        return identity.getPrincipal() instanceof JsonWebToken jwt ? jwt.getSubject() : null;
    }

    /**
     * The account's seminar groups as name → Keycloak id when Keycloak has told them for this request
     * ({@link CurrentAccountAugmentor}); empty when only the token's group names are known.
     */
    public Optional<Map<String, String>> groupIdsByName() {
        return Optional.ofNullable(identity.getAttribute(CurrentAccountAugmentor.GROUP_IDS));
    }

    public String username() {
        return claim("preferred_username").orElse(identity.getPrincipal().getName());
    }

    /** Display name: the full name from the account, or the username when the account has none. */
    public String name() {
        return claim("name").filter(n -> !n.isBlank()).orElseGet(this::username);
    }

    public String email() {
        return claim("email").orElse(null);
    }

    /** This application's roles only, in a fixed order; Keycloak's own default roles are left out. */
    public List<String> roles() {
        return Roles.ALL.stream().filter(identity::hasRole).toList();
    }

    public boolean isAdmin() {
        return identity.hasRole(Roles.ADMIN);
    }

    /** Seminar groups as Keycloak has them now ({@link CurrentAccountAugmentor}), else the token's {@code groups} claim. */
    public List<String> groups() {
        Optional<Map<String, String>> current = groupIdsByName();
        if (current.isPresent()) {
            return current.get().keySet().stream().sorted().toList();
        }
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object groups = jwt.getClaim("groups");
            if (groups instanceof Collection<?> values) {
                return values.stream().map(CurrentUser::plain).map(g -> g.startsWith("/") ? g.substring(1) : g).sorted().toList();
            }
        }
        return List.of();
    }

    private static String plain(Object claimValue) {
        String s = String.valueOf(claimValue);
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    private Optional<String> claim(String name) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object value = jwt.getClaim(name);
            return Optional.ofNullable(value).map(CurrentUser::plain);
        }
        return Optional.empty();
    }
}
