package org.seminar.annotator.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.seminar.annotator.audit.PeopleNames;

/** People's display names from Keycloak for the admin log, remembered for ten minutes; the username when Keycloak does not know it or cannot be reached. */
@ApplicationScoped
public class KeycloakPeopleNames implements PeopleNames {

    static final long REMEMBER_MILLIS = 10 * 60 * 1000;

    @Inject
    KeycloakAccounts keycloak;

    private record Known(String name, long at) {
    }

    private final Map<String, Known> known = new ConcurrentHashMap<>();

    @Override
    public String nameOf(String username) {
        if (username == null || username.isBlank()) {
            return "someone";
        }
        Known k = known.get(username);
        if (k != null && System.currentTimeMillis() - k.at() < REMEMBER_MILLIS) {
            return k.name();
        }
        String name = username;
        try {
            name = keycloak.byUsername(username).map(u -> {
                String full = ((u.getFirstName() == null ? "" : u.getFirstName()) + " " + (u.getLastName() == null ? "" : u.getLastName())).strip();
                return full.isEmpty() ? username : full;
            }).orElse(username);
        } catch (RuntimeException e) {
            return k != null ? k.name() : username; // Keycloak unreachable: the last known name, or the username
        }
        known.put(username, new Known(name, System.currentTimeMillis()));
        return name;
    }
}
