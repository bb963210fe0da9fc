package org.seminar.annotator.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Writes and reads the admin log. Entries are written in their own transaction: Keycloak has no rollback. */
@ApplicationScoped
public class AdminLog {

    /** An entry as the API shows it; {@code sentence} says it in words, with people's names. */
    public record Entry(String actor, String action, String target, Map<String, Object> details, Instant at, String sentence) {

        /** The moment in UTC to the minute, as pages show it before the reader's own time zone replaces it. */
        public String atUtc() {
            return at.toString().substring(0, 16).replace('T', ' ') + " UTC";
        }
    }

    /** Which entries: by action, by actor (username), from and to a day (inclusive, UTC); null means any. */
    public record Filter(String action, String actor, java.time.LocalDate from, java.time.LocalDate to) {

        /** From query parameters: blank means any; a day that is not {@code 2026-11-28} is a 400 naming the parameter. */
        public static Filter of(String action, String actor, String from, String to) {
            return new Filter(blank(action), blank(actor), day("from", from), day("to", to));
        }

        private static String blank(String s) {
            return s == null || s.isBlank() ? null : s.strip();
        }

        private static java.time.LocalDate day(String name, String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return java.time.LocalDate.parse(value.strip());
            } catch (java.time.format.DateTimeParseException e) {
                throw org.seminar.annotator.web.ProblemException.badField(name, "must be a day like 2026-11-28");
            }
        }
    }

    @jakarta.inject.Inject
    jakarta.enterprise.inject.Instance<PeopleNames> names;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(String actor, String action, String target, Map<String, Object> details) {
        AdminAction a = new AdminAction();
        a.actor = actor;
        a.action = action;
        a.target = target;
        a.details = details;
        a.at = Instant.now();
        a.persist();
    }

    @Transactional
    public List<Entry> latest(int first, int max) {
        return latest(new Filter(null, null, null, null), first, max);
    }

    /** The newest entries first, filtered. */
    @Transactional
    public List<Entry> latest(Filter filter, int first, int max) {
        java.util.function.Function<String, String> nameOf = names.isResolvable() ? names.get()::nameOf : u -> u;
        return AdminAction.search(filter, first, max).stream().map(a -> {
            Entry raw = new Entry(a.actor, a.action, a.target, a.details, a.at, null);
            return new Entry(a.actor, a.action, a.target, a.details, a.at, LogSentences.of(raw, nameOf));
        }).toList();
    }

    /** The actions the log holds, for a filter's choices. */
    @Transactional
    public List<String> actions() {
        return AdminAction.getEntityManager().createQuery("select distinct a.action from AdminAction a order by a.action", String.class)
                .getResultList();
    }
}
