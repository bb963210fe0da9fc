package org.seminar.annotator.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.seminar.annotator.audit.AdminLog;
import org.seminar.annotator.web.Problem;
import org.seminar.annotator.web.ProblemException;

/**
 * Creates a seminar's accounts from a class list (CSV with a header, comma- or semicolon-separated,
 * as spreadsheets export). All rows are checked first; one bad row and nothing is created. If
 * Keycloak fails half-way, the accounts this import created are removed again.
 */
@ApplicationScoped
public class ClassListImport {

    static final List<String> REQUIRED = List.of("username", "email", "firstname", "lastname", "group");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] PASSWORD_CHARS = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    @Inject
    KeycloakAccounts keycloak;
    @Inject
    UserAdministration users;
    @Inject
    AdminLog log;

    /** A parsed row, numbered as a spreadsheet shows it (header = row 1). */
    public record Row(int number, String username, String email, String firstName, String lastName, String group, String password) {
    }

    /** The outcome of checking a class list: the rows, and what is wrong with which. */
    public record Preview(List<Row> rows, List<AccountViews.RowError> errors) {
    }

    public Preview preview(String csv) {
        List<List<String>> records = Csv.parse(csv == null ? "" : csv.replace("\uFEFF", ""));
        List<AccountViews.RowError> errors = new ArrayList<>();
        if (records.isEmpty()) {
            throw ProblemException.badField("body", "is empty: send a header line and one line per student");
        }
        List<String> header = records.get(0).stream().map(h -> h.strip().toLowerCase(Locale.ROOT).replace("_", "").replace(" ", "")).toList();
        List<String> missing = REQUIRED.stream().filter(h -> !header.contains(h)).toList();
        if (!missing.isEmpty()) {
            throw ProblemException.badField("header", "needs the columns username,email,firstName,lastName,group"
                    + " (password optional); missing: " + String.join(", ", missing));
        }
        if (records.size() == 1) {
            throw ProblemException.badField("body", "has a header but no students");
        }
        Map<String, String> groups = keycloak.groupIdsByName();
        Set<String> usernames = new HashSet<>();
        Set<String> emails = new HashSet<>();
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> r = records.get(i);
            if (r.stream().allMatch(String::isBlank)) {
                continue;
            }
            Row row = new Row(i + 1, cell(r, header, "username"), cell(r, header, "email"), cell(r, header, "firstname"),
                    cell(r, header, "lastname"), cell(r, header, "group"), header.contains("password") ? cell(r, header, "password") : "");
            rows.add(row);
            List<Problem.FieldError> problems = new ArrayList<>();
            UserAdministration.checkUsername(row.username(), problems);
            UserAdministration.checkEmail(row.email(), problems);
            UserAdministration.checkName("firstName", row.firstName(), problems);
            UserAdministration.checkName("lastName", row.lastName(), problems);
            if (!row.group().isEmpty() && !groups.containsKey(row.group())) {
                problems.add(new Problem.FieldError("group", "'" + row.group() + "' is not a seminar group"));
            }
            if (!row.password().isEmpty() && row.password().length() < UserAdministration.MIN_PASSWORD) {
                problems.add(new Problem.FieldError("password", "needs at least " + UserAdministration.MIN_PASSWORD + " characters"));
            }
            if (problems.isEmpty()) {
                if (!usernames.add(row.username().toLowerCase(Locale.ROOT))) {
                    problems.add(new Problem.FieldError("username", "appears twice in this list"));
                } else if (keycloak.byUsername(row.username()).isPresent()) {
                    problems.add(new Problem.FieldError("username", "is taken by an existing account"));
                }
                if (!emails.add(row.email().toLowerCase(Locale.ROOT))) {
                    problems.add(new Problem.FieldError("email", "appears twice in this list"));
                } else if (keycloak.byEmail(row.email()).isPresent()) {
                    problems.add(new Problem.FieldError("email", "belongs to an existing account"));
                }
            }
            problems.forEach(p -> errors.add(new AccountViews.RowError(row.number(), row.username(), p.field(), p.message())));
        }
        return new Preview(rows, errors);
    }

    public AccountViews.ImportResult importCsv(String csv, String actor) {
        Preview preview = preview(csv);
        if (!preview.errors().isEmpty()) {
            throw new RowsRejected(preview.errors());
        }
        List<String> created = new ArrayList<>();
        List<AccountViews.ImportedUser> result = new ArrayList<>();
        try {
            for (Row row : preview.rows()) {
                boolean generated = row.password().isEmpty();
                String password = generated ? generatePassword() : row.password();
                String id = users.createInKeycloak(row.username(), row.email(), row.firstName(), row.lastName(), password, generated,
                        List.of(Roles.REVIEWER), row.group().isEmpty() ? List.of() : List.of(row.group()));
                created.add(id);
                result.add(new AccountViews.ImportedUser(row.username(), row.email(), row.group(), generated ? password : null));
            }
        } catch (RuntimeException e) {
            for (String id : created) {
                try {
                    keycloak.delete(id);
                } catch (RuntimeException cleanup) {
                    e.addSuppressed(cleanup);
                }
            }
            throw e;
        }
        log.record(actor, "class-list-import", result.size() + " accounts",
                Map.of("usernames", result.stream().map(AccountViews.ImportedUser::username).toList()));
        return new AccountViews.ImportResult(result.size(), result);
    }

    static String generatePassword() {
        char[] p = new char[12];
        for (int i = 0; i < p.length; i++) {
            p[i] = PASSWORD_CHARS[RANDOM.nextInt(PASSWORD_CHARS.length)];
        }
        return new String(p);
    }

    private static String cell(List<String> record, List<String> header, String column) {
        int i = header.indexOf(column);
        return i < record.size() ? record.get(i).strip() : "";
    }

    /** A class list with invalid rows: answered as 400 listing each row and reason. */
    public static class RowsRejected extends ProblemException {
        private final List<AccountViews.RowError> rows;

        public RowsRejected(List<AccountViews.RowError> rows) {
            super(400, "Class list has invalid rows", rows.size() + " row(s) cannot be imported; nothing was created",
                    rows.stream().map(r -> new Problem.FieldError("row " + r.row() + " " + r.field(), r.message())).toList());
            this.rows = rows;
        }

        public List<AccountViews.RowError> rows() {
            return rows;
        }
    }
}
