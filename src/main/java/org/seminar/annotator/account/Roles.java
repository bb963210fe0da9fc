package org.seminar.annotator.account;

import java.util.List;

/** The realm roles this application knows. */
public final class Roles {

    public static final String ADMIN = "admin";
    public static final String REVIEWER = "reviewer";
    public static final List<String> ALL = List.of(ADMIN, REVIEWER);

    private Roles() {
    }
}
