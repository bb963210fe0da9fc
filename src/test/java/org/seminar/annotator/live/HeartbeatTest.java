package org.seminar.annotator.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.seminar.annotator.support.Documents;
import org.seminar.annotator.support.Tokens;

/** Keep-alives do not wait on Keycloak: while every question about an account hangs, streams still get one every heartbeat. */
@QuarkusTest
@TestProfile(HeartbeatTest.HangingKeycloak.class)
class HeartbeatTest {

    /** A heartbeat of one second, and account questions that hang when the test says so. */
    public static class HangingKeycloak implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("annotator.live.heartbeat", "1S");
        }

        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(HangingAccountStatus.class);
        }
    }

    @TestHTTPResource("/")
    URL base;

    /** Waits until the stream has received {@code count} keep-alives, 15 s at most; returns how many it had. */
    static int awaitKeepAlives(EventStream stream, int count) throws InterruptedException {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (stream.keepAlives.get() < count && System.nanoTime() < deadline) {
            stream.endedByServer(java.time.Duration.ofMillis(50));
        }
        return stream.keepAlives.get();
    }

    @Test
    void keepAlivesGoOnWhileKeycloakDoesNotAnswer() throws Exception {
        String doc = Documents.bundledId();
        try (EventStream stream = new EventStream(new URL(base, "/api/documents/" + doc + "/events").toString(), Tokens.of("reviewer2"), null)) {
            assertEquals(200, stream.status);
            assertTrue(awaitKeepAlives(stream, 1) >= 1, "keep-alives arrive");
            HangingAccountStatus.hang = new CountDownLatch(1);
            try {
                int before = stream.keepAlives.get();
                long start = System.nanoTime();
                int now = awaitKeepAlives(stream, before + 5);
                long seconds = (System.nanoTime() - start) / 1_000_000_000L;
                assertTrue(HangingAccountStatus.asked.get() > 0, "the account round asked about the stream's account, and hangs");
                assertTrue(now >= before + 5, "five more keep-alives while Keycloak hangs: got " + (now - before) + " in " + seconds + " s");
                assertTrue(!stream.endedByServer(java.time.Duration.ofMillis(1)), "the stream stays open");
            } finally {
                HangingAccountStatus.hang.countDown();
                HangingAccountStatus.hang = null;
            }
        }
    }
}
