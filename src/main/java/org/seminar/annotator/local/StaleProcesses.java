package org.seminar.annotator.local;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Finds and stops processes left behind by an earlier run that was killed without a clean shutdown. */
final class StaleProcesses {

    private StaleProcesses() {
    }

    /** Every live process whose command line mentions the marker (an absolute data path unique to one server). */
    static List<ProcessHandle> mentioning(String marker) {
        long self = ProcessHandle.current().pid();
        return ProcessHandle.allProcesses()
                .filter(p -> p.pid() != self)
                .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false))
                .toList();
    }

    /** Asks a process tree to stop (SIGTERM), then kills whatever is still alive after the grace period. */
    static void stop(ProcessHandle root, Duration grace) {
        List<ProcessHandle> tree = new java.util.ArrayList<>(root.descendants().toList());
        tree.add(0, root);
        tree.forEach(ProcessHandle::destroy);
        Instant deadline = Instant.now().plus(grace);
        for (ProcessHandle p : tree) {
            long left = Duration.between(Instant.now(), deadline).toMillis();
            if (left > 0) {
                try {
                    p.onExit().get(left, java.util.concurrent.TimeUnit.MILLISECONDS);
                } catch (Exception ignored) {
                    // still alive: killed below
                }
            }
            if (p.isAlive()) {
                p.destroyForcibly();
            }
        }
    }

    static Optional<ProcessHandle> alive(long pid) {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    }
}
