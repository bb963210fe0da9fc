package org.seminar.annotator.group;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.keycloak.representations.idm.UserRepresentation;
import org.seminar.annotator.account.KeycloakAccounts;

/**
 * The people of a seminar group as Keycloak has them (enabled accounts only), kept for a short while: mentions
 * offer and check them, notifications go to them. Keycloak unreachable, the call fails (503) rather than guessing.
 */
@ApplicationScoped
public class GroupMembers {

    /** One person of a group: the username is the id the app knows people by. */
    public record Member(String username, String name, String email) {
    }

    private record Cached(List<Member> members, Instant at) {
    }

    private static final Duration KEPT = Duration.ofSeconds(30);
    /** A miss asks Keycloak again at most this often per group. */
    private static final Duration RECHECK = Duration.ofSeconds(1);
    private final Map<String, Cached> byGroup = new ConcurrentHashMap<>();

    @Inject
    KeycloakAccounts keycloak;

    public List<Member> of(String groupId) {
        Cached cached = byGroup.get(groupId);
        if (cached != null && cached.at().plus(KEPT).isAfter(Instant.now())) {
            return cached.members();
        }
        return load(groupId);
    }

    /** One person of the group; someone not in the kept list is looked up again (they may have just joined). */
    public Optional<Member> find(String groupId, String username) {
        Optional<Member> known = of(groupId).stream().filter(m -> m.username().equals(username)).findFirst();
        Cached cached = byGroup.get(groupId);
        if (known.isPresent() || cached != null && cached.at().plus(RECHECK).isAfter(Instant.now())) {
            return known;
        }
        return load(groupId).stream().filter(m -> m.username().equals(username)).findFirst();
    }

    private List<Member> load(String groupId) {
        List<Member> members = keycloak.members(groupId).stream().filter(u -> !Boolean.FALSE.equals(u.isEnabled()))
                .map(GroupMembers::member).toList();
        byGroup.put(groupId, new Cached(members, Instant.now()));
        return members;
    }

    private static Member member(UserRepresentation u) {
        String name = ((u.getFirstName() == null ? "" : u.getFirstName()) + " " + (u.getLastName() == null ? "" : u.getLastName())).strip();
        return new Member(u.getUsername(), name.isEmpty() ? u.getUsername() : name, u.getEmail());
    }
}
