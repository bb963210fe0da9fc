package org.seminar.annotator.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.seminar.annotator.web.ProblemException;

/**
 * The realm's accounts and groups through the Keycloak Admin API, with the app's dedicated client
 * (only realm-management's user and group rights). Keycloak stays the source of truth; an
 * unreachable Keycloak becomes a clear 503.
 */
@ApplicationScoped
public class KeycloakAccounts {

    @jakarta.inject.Inject
    io.micrometer.core.instrument.MeterRegistry metrics;

    @Inject
    Keycloak keycloak;
    @ConfigProperty(name = "quarkus.keycloak.admin-client.realm")
    String realmName;

    /** Rows asked of Keycloak per call of a listing, which pages through all of them. */
    static final int PAGE_SIZE = 200;
    /** Pages read of one listing at most (100,000 rows): beyond, the listing fails rather than loop on. */
    static final int MAX_PAGES = 500;

    private volatile int pageSize = PAGE_SIZE;

    /** Sets the page size of listings (tests page through a few accounts with a small one). */
    void pageSize(int rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("page size " + rows);
        }
        pageSize = rows;
    }

    /**
     * Every row of a Keycloak listing, read page by page ({@code first}, {@code max}) until a page
     * comes back short: Keycloak answers at most {@code max} rows and does not say whether more exist.
     */
    <T> List<T> all(String what, BiFunction<Integer, Integer, List<T>> page) {
        int size = pageSize;
        List<T> rows = new ArrayList<>();
        for (int pages = 0; pages < MAX_PAGES; pages++) {
            int first = pages * size;
            List<T> more = call(() -> page.apply(first, size));
            rows.addAll(more);
            if (more.size() < size) {
                return rows;
            }
        }
        throw new IllegalStateException("Keycloak listed more than " + MAX_PAGES * size + " " + what + "; refusing to read on");
    }

    RealmResource realm() {
        return keycloak.realm(realmName);
    }

    /**
     * Runs a Keycloak call, turning "cannot reach Keycloak" into a 503 problem that says so; timed by outcome as
     * {@code annotator_keycloak_calls_seconds} in {@code /q/metrics}.
     */
    public <T> T call(Supplier<T> action) {
        io.micrometer.core.instrument.Timer.Sample sample = io.micrometer.core.instrument.Timer.start(metrics);
        String outcome = "success";
        try {
            return action.get();
        } catch (ProcessingException e) {
            outcome = "unreachable";
            throw unavailable();
        } catch (WebApplicationException e) {
            outcome = e.getResponse().getStatus() >= 500 ? "server_error" : "refused";
            if (e.getResponse().getStatus() >= 500) {
                throw unavailable();
            }
            throw e;
        } finally {
            sample.stop(metrics.timer("annotator.keycloak.calls", "outcome", outcome));
        }
    }

    public void run(Runnable action) {
        call(() -> {
            action.run();
            return null;
        });
    }

    /** Keycloak's reason for refusing a change (its {@code errorMessage}), in a sentence a teacher can act on. */
    static ProblemException refused(String what, Response response) {
        String reason = null;
        try {
            java.util.Map<?, ?> body = response.readEntity(java.util.Map.class);
            Object message = body == null ? null : body.get("errorMessage") != null ? body.get("errorMessage") : body.get("error");
            reason = message == null ? null : String.valueOf(message);
        } catch (RuntimeException unreadable) {
            // no JSON reason: the status says enough
        }
        return new ProblemException(400, "Refused by the account server", "Keycloak did not accept " + what
                + (reason == null || reason.isBlank() ? " (status " + response.getStatus() + ")" : ": " + reason.replace('_', ' ')),
                List.of());
    }

    static ProblemException unavailable() {
        return new ProblemException(503, "Keycloak unavailable",
                "The account server (Keycloak) cannot be reached, so accounts and groups cannot be changed right now."
                        + " Reading and annotating go on; try again in a few minutes.", List.of());
    }

    // ---- users ------------------------------------------------------------------------------

    public List<UserRepresentation> search(String search, int first, int max) {
        return call(() -> realm().users().search(search == null ? "" : search, first, max, true));
    }

    public Optional<UserRepresentation> byUsername(String username) {
        return call(() -> realm().users().searchByUsername(username, true)).stream().findFirst();
    }

    public Optional<UserRepresentation> byEmail(String email) {
        return call(() -> realm().users().searchByEmail(email, true)).stream().findFirst();
    }

    public UserRepresentation get(String id) {
        try {
            return call(() -> realm().users().get(id).toRepresentation());
        } catch (jakarta.ws.rs.NotFoundException e) {
            throw ProblemException.notFound("No user with id " + id);
        }
    }

    public UserResource user(String id) {
        return realm().users().get(id);
    }

    /** Creates the user and returns the new id. */
    public String create(UserRepresentation user) {
        return call(() -> {
            try (Response response = realm().users().create(user)) {
                if (response.getStatus() == 409) {
                    throw ProblemException.conflict("The username or e-mail is taken");
                }
                if (response.getStatus() != 201) {
                    throw refused("the account", response);
                }
                String location = response.getLocation().getPath();
                return location.substring(location.lastIndexOf('/') + 1);
            }
        });
    }

    public void delete(String id) {
        run(() -> realm().users().get(id).remove());
    }

    public void setPassword(String id, String password, boolean temporary) {
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(password);
        credential.setTemporary(temporary);
        try {
            run(() -> user(id).resetPassword(credential));
        } catch (jakarta.ws.rs.BadRequestException e) {
            throw ProblemException.badField("password", "was refused by the password policy");
        }
    }

    public List<String> roles(String id) {
        return call(() -> user(id).roles().realmLevel().listEffective()).stream().map(RoleRepresentation::getName)
                .filter(Roles.ALL::contains).sorted().toList();
    }

    public void setRoles(String id, List<String> wanted) {
        run(() -> {
            List<String> current = roles(id);
            List<RoleRepresentation> add = wanted.stream().filter(r -> !current.contains(r)).map(this::role).toList();
            List<RoleRepresentation> remove = current.stream().filter(r -> !wanted.contains(r)).map(this::role).toList();
            if (!add.isEmpty()) {
                user(id).roles().realmLevel().add(add);
            }
            if (!remove.isEmpty()) {
                user(id).roles().realmLevel().remove(remove);
            }
        });
    }

    private RoleRepresentation role(String name) {
        return realm().roles().get(name).toRepresentation();
    }

    /** The user's groups as name → Keycloak id, in name order. */
    public Map<String, String> groupIdsOf(String id) {
        return call(() -> user(id).groups()).stream().sorted(java.util.Comparator.comparing(GroupRepresentation::getName))
                .collect(Collectors.toMap(GroupRepresentation::getName, GroupRepresentation::getId, (a, b) -> a,
                        java.util.LinkedHashMap::new));
    }

    public List<String> groupsOf(String id) {
        return List.copyOf(groupIdsOf(id).keySet());
    }

    public void setGroups(String id, List<String> wanted) {
        Map<String, String> ids = groupIdsByName();
        run(() -> {
            List<GroupRepresentation> current = user(id).groups();
            for (GroupRepresentation g : current) {
                if (!wanted.contains(g.getName())) {
                    user(id).leaveGroup(g.getId());
                }
            }
            List<String> have = current.stream().map(GroupRepresentation::getName).toList();
            for (String name : wanted) {
                if (!have.contains(name)) {
                    user(id).joinGroup(ids.get(name));
                }
            }
        });
    }

    /** Enabled users holding the admin role (directly or through a composite). */
    public List<UserRepresentation> enabledAdmins() {
        return all("admins", (first, max) -> realm().roles().get(Roles.ADMIN).getUserMembers(first, max)).stream()
                .filter(u -> Boolean.TRUE.equals(u.isEnabled())).toList();
    }

    /** Ids of the account's sign-in sessions in Keycloak now (the {@code sid} of their tokens). */
    public List<String> sessionIds(String id) {
        return call(() -> user(id).getUserSessions()).stream().map(org.keycloak.representations.idm.UserSessionRepresentation::getId).toList();
    }

    public void logout(String id) {
        run(() -> user(id).logout());
    }

    // ---- groups -----------------------------------------------------------------------------

    public List<GroupRepresentation> groups() {
        return all("groups", (first, max) -> realm().groups().groups(null, first, max, true));
    }

    public Map<String, String> groupIdsByName() {
        return groups().stream().collect(Collectors.toMap(GroupRepresentation::getName, GroupRepresentation::getId, (a, b) -> a));
    }

    /** The top-level group with exactly this name, if there is one. */
    public Optional<GroupRepresentation> groupNamed(String name) {
        return call(() -> realm().groups().groups(name, true, 0, 5, true)).stream().filter(g -> name.equals(g.getName())).findFirst();
    }

    public GroupRepresentation group(String id) {
        try {
            return call(() -> realm().groups().group(id).toRepresentation());
        } catch (jakarta.ws.rs.NotFoundException e) {
            throw ProblemException.notFound("No group with id " + id);
        }
    }

    public List<UserRepresentation> members(String groupId) {
        return all("members of group " + groupId, (first, max) -> realm().groups().group(groupId).members(first, max, true));
    }

    public String createGroup(String name) {
        GroupRepresentation group = new GroupRepresentation();
        group.setName(name);
        return call(() -> {
            try (Response response = realm().groups().add(group)) {
                if (response.getStatus() == 409) {
                    throw ProblemException.conflict("A group named '" + name + "' exists already");
                }
                if (response.getStatus() != 201) {
                    throw refused("the group", response);
                }
                String location = response.getLocation().getPath();
                return location.substring(location.lastIndexOf('/') + 1);
            }
        });
    }

    public void renameGroup(String id, String name) {
        GroupRepresentation group = group(id);
        group.setName(name);
        try {
            run(() -> realm().groups().group(id).update(group));
        } catch (jakarta.ws.rs.ClientErrorException e) {
            if (e.getResponse().getStatus() == 409) {
                throw ProblemException.conflict("A group named '" + name + "' exists already");
            }
            throw e;
        }
    }

    public void deleteGroup(String id) {
        run(() -> realm().groups().group(id).remove());
    }

    /** A full view of one user: roles and groups need two more calls each. */
    public AccountViews.UserView view(UserRepresentation u) {
        return new AccountViews.UserView(u.getId(), u.getUsername(), u.getEmail(), u.getFirstName(), u.getLastName(),
                Boolean.TRUE.equals(u.isEnabled()), roles(u.getId()), groupsOf(u.getId()));
    }
}
