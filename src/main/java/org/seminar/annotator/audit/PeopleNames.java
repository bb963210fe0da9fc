package org.seminar.annotator.audit;

/** Display names of accounts by username, for the log's sentences; provided by the account package. */
public interface PeopleNames {

    /** The person's display name, or the username when none is known. */
    String nameOf(String username);
}
