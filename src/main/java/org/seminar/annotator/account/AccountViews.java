package org.seminar.annotator.account;

import java.util.List;

/** Request and response bodies of the account administration API. */
public final class AccountViews {

    private AccountViews() {
    }

    public record UserView(String id, String username, String email, String firstName, String lastName, boolean enabled,
            List<String> roles, List<String> groups) {
    }

    public record NewUser(String username, String email, String firstName, String lastName, String password, Boolean temporary,
            List<String> roles, List<String> groups) {
    }

    /** Changes to a user; absent fields stay as they are. */
    public record UserChange(Boolean enabled, List<String> roles, List<String> groups, String firstName, String lastName, String email) {
    }

    public record PasswordReset(String password, Boolean temporary) {
    }

    public record GroupView(String id, String name, int members) {
    }

    public record NewGroup(String name) {
    }

    /** One account created by a class-list import; the generated temporary password is shown once. */
    public record ImportedUser(String username, String email, String group, String temporaryPassword) {
    }

    public record ImportResult(int created, List<ImportedUser> users) {
    }

    /** A row of a class list that cannot be imported, with the reason. */
    public record RowError(int row, String username, String field, String message) {
    }
}
