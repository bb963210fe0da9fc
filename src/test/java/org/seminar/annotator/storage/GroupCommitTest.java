package org.seminar.annotator.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Writes handed in together share a transaction, and one that fails does not take the others with it:
 * every writer is held busy first, so that the 20 statements wait and go to the database as one batch.
 */
@QuarkusTest
class GroupCommitTest {

    private static final String INSERT = "insert into admin_action (id, actor, action, target, details, at)"
            + " values (?, 'group-commit-test', 'test', ?, '{}', now())";

    @Inject
    GroupCommit groupCommit;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    org.seminar.annotator.config.AnnotatorConfig config;

    /** Until {@code count} writers are inside a sleeping statement, as the database sees it (at most 10 s). */
    private void awaitSleepingWriters(int count) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            try (Connection c = dataSource.getConnection(); ResultSet rows = c.createStatement().executeQuery(
                    "select count(*) from pg_stat_activity where state = 'active' and query like 'do $$ begin perform pg_sleep(0.5)%'")) {
                rows.next();
                if (rows.getInt(1) >= count) {
                    return;
                }
            }
            assertTrue(System.nanoTime() < deadline, "the writers did not start sleeping");
            Thread.onSpinWait();
        }
    }

    @Test
    void aFailingWriteFailsAloneAndEveryOtherIsCommitted() throws Exception {
        long base = System.nanoTime() % 1_000_000_000L * -1 - 1; // negative ids: never Hibernate's
        groupCommit.write(new GroupCommit.Statement(INSERT, s -> {
            s.setLong(1, base);
            s.setString(2, "first");
        }));
        ExecutorService pool = Executors.newFixedThreadPool(24);
        try {
            List<Future<?>> busy = new ArrayList<>();
            // one sleeping statement per writer, each handed in once the one before is running: every writer busy
            int writers = config.writes().writers();
            for (int i = 1; i <= writers; i++) {
                busy.add(pool.submit(() -> groupCommit.write(new GroupCommit.Statement("do $$ begin perform pg_sleep(0.5); end $$", s -> { }))));
                awaitSleepingWriters(i);
            }
            List<Future<?>> inserts = new ArrayList<>();
            for (int i = 1; i <= 20; i++) {
                long id = i == 10 ? base : base - i; // number 10 repeats the first id
                String target = "write " + i;
                inserts.add(pool.submit(() -> groupCommit.write(new GroupCommit.Statement(INSERT, s -> {
                    s.setLong(1, id);
                    s.setString(2, target);
                }))));
            }
            int failed = 0;
            for (int i = 0; i < inserts.size(); i++) {
                try {
                    inserts.get(i).get();
                } catch (java.util.concurrent.ExecutionException e) {
                    failed++;
                    assertEquals(9, i, "only the repeated id fails");
                    GroupCommit.NotWritten notWritten = assertInstanceOf(GroupCommit.NotWritten.class, e.getCause());
                    assertEquals("23505", notWritten.sqlState());
                    assertEquals(503, notWritten.status());
                }
            }
            assertEquals(1, failed);
            for (Future<?> f : busy) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        try (Connection c = dataSource.getConnection(); ResultSet rows = c.createStatement().executeQuery(
                "select count(*), count(*) filter (where target = 'first') from admin_action where id <= " + base + " and id > " + (base - 21))) {
            assertTrue(rows.next());
            assertEquals(20, rows.getInt(1), "the first and 19 of the 20: all but the failing one");
            assertEquals(1, rows.getInt(2), "the first row was not overwritten");
        } finally {
            try (Connection c = dataSource.getConnection()) {
                c.createStatement().execute("delete from admin_action where actor = 'group-commit-test'");
            }
        }
    }
}
