package org.seminar.annotator.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.keycloak.representations.idm.UserRepresentation;
import org.seminar.annotator.audit.AdminLog;
import org.seminar.annotator.web.Problem;
import org.seminar.annotator.web.ProblemException;
import org.seminar.annotator.web.TextRules;

/**
 * The rules of account administration: what a valid account is, the last enabled admin stays,
 * disabling ends sessions (for good: enabling the account again does not revive them), and every
 * action is logged. Keycloak holds accounts and passwords.
 */
@ApplicationScoped
public class UserAdministration {

    static final Pattern USERNAME = Pattern.compile("^[a-zA-Z0-9._@-]{1,60}$");
    static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    public static final int MIN_PASSWORD = 8;

    @Inject
    KeycloakAccounts keycloak;
    @Inject
    AccountStatus accounts;
    @Inject
    AdminLog log;
    @Inject
    EndedSessions endedSessions;

    public List<AccountViews.UserView> list(String search, Integer first, Integer max) {
        int from = first == null ? 0 : first;
        int size = max == null ? 20 : max;
        List<Problem.FieldError> errors = new ArrayList<>();
        if (from < 0) {
            errors.add(new Problem.FieldError("first", "must be 0 or more"));
        }
        if (size < 1 || size > 200) {
            errors.add(new Problem.FieldError("max", "must be between 1 and 200"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badFields(errors);
        }
        return keycloak.search(search, from, size).stream()
                .filter(u -> u.getServiceAccountClientId() == null && !u.getUsername().startsWith("service-account-"))
                .map(keycloak::view).toList();
    }

    public AccountViews.UserView get(String id) {
        return keycloak.view(keycloak.get(id));
    }

    public AccountViews.UserView create(AccountViews.NewUser request, String actor) {
        if (request == null) {
            throw ProblemException.badField("body", "is missing");
        }
        Set<String> knownGroups = keycloak.groupIdsByName().keySet();
        List<Problem.FieldError> errors = new ArrayList<>();
        checkUsername(request.username(), errors);
        checkEmail(request.email(), errors);
        checkName("firstName", request.firstName(), errors);
        checkName("lastName", request.lastName(), errors);
        checkPassword(request.password(), errors);
        checkRoles(request.roles(), errors);
        checkGroups(request.groups(), knownGroups, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.badFields(errors);
        }
        if (keycloak.byUsername(request.username()).isPresent()) {
            throw ProblemException.conflict("The username '" + request.username() + "' is taken");
        }
        if (keycloak.byEmail(request.email()).isPresent()) {
            throw ProblemException.conflict("The e-mail " + request.email() + " belongs to another account");
        }
        String id = createInKeycloak(request.username(), request.email(), request.firstName(), request.lastName(),
                request.password(), Boolean.TRUE.equals(request.temporary()), orEmpty(request.roles()), orEmpty(request.groups()));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("roles", orEmpty(request.roles()));
        details.put("groups", orEmpty(request.groups()));
        details.put("temporaryPassword", Boolean.TRUE.equals(request.temporary()));
        log.record(actor, "user-create", request.username(), details);
        return get(id);
    }

    /** Creates an account with roles and groups, removing it again if any later step fails. */
    String createInKeycloak(String username, String email, String firstName, String lastName, String password, boolean temporary,
            List<String> roles, List<String> groups) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEmail(email);
        user.setEmailVerified(true);
        user.setFirstName(firstName.strip());
        user.setLastName(lastName.strip());
        user.setEnabled(true);
        String id = keycloak.create(user);
        try {
            keycloak.setPassword(id, password, temporary);
            keycloak.setRoles(id, roles);
            keycloak.setGroups(id, groups);
            return id;
        } catch (RuntimeException e) {
            try {
                keycloak.delete(id);
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    public AccountViews.UserView update(String id, AccountViews.UserChange change, String actor) {
        UserRepresentation user = keycloak.get(id);
        if (change == null) {
            throw ProblemException.badField("body", "is missing");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        if (change.email() != null) {
            checkEmail(change.email(), errors);
        }
        if (change.firstName() != null) {
            checkName("firstName", change.firstName(), errors);
        }
        if (change.lastName() != null) {
            checkName("lastName", change.lastName(), errors);
        }
        if (change.roles() != null) {
            checkRoles(change.roles(), errors);
        }
        if (change.groups() != null) {
            checkGroups(change.groups(), keycloak.groupIdsByName().keySet(), errors);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badFields(errors);
        }
        List<String> roles = keycloak.roles(id);
        boolean isEnabledAdmin = Boolean.TRUE.equals(user.isEnabled()) && roles.contains(Roles.ADMIN);
        boolean losesAdmin = Boolean.FALSE.equals(change.enabled()) || change.roles() != null && !change.roles().contains(Roles.ADMIN);
        if (isEnabledAdmin && losesAdmin && keycloak.enabledAdmins().stream().filter(u -> !u.getId().equals(id)).findAny().isEmpty()) {
            throw ProblemException.conflict("This is the last enabled admin: enable or appoint another admin first,"
                    + " or the app would have no one to manage it");
        }
        if (change.email() != null && !change.email().equalsIgnoreCase(user.getEmail())) {
            keycloak.byEmail(change.email()).filter(other -> !other.getId().equals(id)).ifPresent(other -> {
                throw ProblemException.conflict("The e-mail " + change.email() + " belongs to another account");
            });
        }
        Map<String, Object> details = new LinkedHashMap<>();
        boolean profileChanged = false;
        if (change.email() != null && !change.email().equals(user.getEmail())) {
            details.put("email", Map.of("from", String.valueOf(user.getEmail()), "to", change.email()));
            user.setEmail(change.email());
            user.setEmailVerified(true);
            profileChanged = true;
        }
        if (change.firstName() != null && !change.firstName().strip().equals(user.getFirstName())) {
            details.put("firstName", change.firstName().strip());
            user.setFirstName(change.firstName().strip());
            profileChanged = true;
        }
        if (change.lastName() != null && !change.lastName().strip().equals(user.getLastName())) {
            details.put("lastName", change.lastName().strip());
            user.setLastName(change.lastName().strip());
            profileChanged = true;
        }
        if (change.enabled() != null && !change.enabled().equals(user.isEnabled())) {
            details.put("enabled", change.enabled());
            user.setEnabled(change.enabled());
            profileChanged = true;
        }
        if (profileChanged) {
            keycloak.run(() -> keycloak.user(id).update(user));
        }
        if (Boolean.FALSE.equals(change.enabled())) {
            // recorded here as well as by Keycloak's back-channel notice, which needs Keycloak to reach this app
            endedSessions.end(keycloak.sessionIds(id));
            keycloak.logout(id);
        }
        if (change.roles() != null && !Set.copyOf(change.roles()).equals(Set.copyOf(roles))) {
            details.put("roles", Map.of("from", roles, "to", change.roles()));
            keycloak.setRoles(id, change.roles());
        }
        if (change.groups() != null) {
            List<String> before = keycloak.groupsOf(id);
            if (!Set.copyOf(change.groups()).equals(Set.copyOf(before))) {
                details.put("groups", Map.of("from", before, "to", change.groups()));
                keycloak.setGroups(id, change.groups());
            }
        }
        if (!details.isEmpty()) {
            accounts.forget(id);
            String action = details.containsKey("enabled") ? (Boolean.FALSE.equals(change.enabled()) ? "user-disable" : "user-enable")
                    : "user-update";
            log.record(actor, action, user.getUsername(), details);
        }
        return get(id);
    }

    public void resetPassword(String id, AccountViews.PasswordReset request, String actor) {
        UserRepresentation user = keycloak.get(id);
        List<Problem.FieldError> errors = new ArrayList<>();
        checkPassword(request == null ? null : request.password(), errors);
        if (!errors.isEmpty()) {
            throw ProblemException.badFields(errors);
        }
        boolean temporary = request.temporary() == null || request.temporary();
        keycloak.setPassword(id, request.password(), temporary);
        log.record(actor, "password-reset", user.getUsername(), Map.of("temporary", temporary));
    }

    // ---- checks -----------------------------------------------------------------------------

    static void checkUsername(String username, List<Problem.FieldError> errors) {
        if (username == null || username.isBlank()) {
            errors.add(new Problem.FieldError("username", "is required"));
        } else if (!USERNAME.matcher(username).matches()) {
            errors.add(new Problem.FieldError("username", "may hold letters, digits and . _ @ - (at most 60)"));
        }
    }

    static void checkEmail(String email, List<Problem.FieldError> errors) {
        if (email == null || !EMAIL.matcher(email).matches() || email.length() > 254) {
            errors.add(new Problem.FieldError("email", "must be an e-mail address like name@example.org"));
        }
    }

    static void checkName(String field, String value, List<Problem.FieldError> errors) {
        if (value == null || value.isBlank() || value.length() > 100) {
            errors.add(new Problem.FieldError(field, "is required (at most 100 characters)"));
        } else {
            TextRules.check(field, value, errors);
        }
    }

    static void checkPassword(String password, List<Problem.FieldError> errors) {
        if (password == null || password.length() < MIN_PASSWORD) {
            errors.add(new Problem.FieldError("password", "needs at least " + MIN_PASSWORD + " characters"));
        }
    }

    static void checkRoles(List<String> roles, List<Problem.FieldError> errors) {
        for (String role : orEmpty(roles)) {
            if (!Roles.ALL.contains(role)) {
                errors.add(new Problem.FieldError("roles", "'" + role + "' is not a role of this app (admin, reviewer)"));
            }
        }
    }

    static void checkGroups(List<String> groups, Set<String> known, List<Problem.FieldError> errors) {
        for (String group : orEmpty(groups)) {
            if (!known.contains(group)) {
                errors.add(new Problem.FieldError("groups", "'" + group + "' is not a seminar group"));
            }
        }
    }

    static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
