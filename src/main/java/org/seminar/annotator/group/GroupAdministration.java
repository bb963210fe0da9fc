package org.seminar.annotator.group;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.seminar.annotator.account.AccountStatus;
import org.seminar.annotator.account.AccountViews;
import org.seminar.annotator.account.KeycloakAccounts;
import org.seminar.annotator.audit.AdminLog;
import org.seminar.annotator.web.ProblemException;
import org.seminar.annotator.web.TextRules;

/** Seminar groups (Keycloak top-level groups): list, create, rename, delete when empty, members. */
@ApplicationScoped
public class GroupAdministration {

    @Inject
    KeycloakAccounts keycloak;
    @Inject
    SeminarGroups groups;
    @Inject
    AdminLog log;
    @Inject
    AccountStatus accounts;

    public List<AccountViews.GroupView> list() {
        return keycloak.groups().stream()
                .map(g -> new AccountViews.GroupView(g.getId(), g.getName(), keycloak.members(g.getId()).size()))
                .sorted(Comparator.comparing(AccountViews.GroupView::name)).toList();
    }

    public AccountViews.GroupView create(AccountViews.NewGroup request, String actor) {
        String name = checkName(request == null ? null : request.name());
        String id = keycloak.createGroup(name);
        groups.remember(id, name);
        log.record(actor, "group-create", name, Map.of());
        return new AccountViews.GroupView(id, name, 0);
    }

    public AccountViews.GroupView rename(String id, AccountViews.NewGroup request, String actor) {
        String name = checkName(request == null ? null : request.name());
        String before = keycloak.group(id).getName();
        keycloak.renameGroup(id, name);
        groups.forget(before);
        groups.remember(id, name);
        accounts.forgetAll(); // members' group names changed
        log.record(actor, "group-rename", name, Map.of("from", before, "to", name));
        return new AccountViews.GroupView(id, name, keycloak.members(id).size());
    }

    public void delete(String id, String actor) {
        String name = keycloak.group(id).getName();
        if (!keycloak.members(id).isEmpty()) {
            throw ProblemException.conflict("The group '" + name + "' still has members; move them to another group first");
        }
        keycloak.deleteGroup(id);
        groups.forget(name);
        accounts.forgetAll();
        log.record(actor, "group-delete", name, Map.of());
    }

    public List<AccountViews.UserView> members(String id) {
        keycloak.group(id);
        return keycloak.members(id).stream().map(keycloak::view).toList();
    }

    private static String checkName(String name) {
        TextRules.require("name", name);
        if (name == null || name.isBlank() || name.strip().length() > 60 || name.contains("/")) {
            throw ProblemException.badField("name", "is required: at most 60 characters, no '/'");
        }
        return name.strip();
    }
}
