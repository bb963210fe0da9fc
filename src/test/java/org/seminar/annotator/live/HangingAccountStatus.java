package org.seminar.annotator.live;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.inject.Alternative;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.seminar.annotator.account.AccountStatus;

/**
 * The account state as a Keycloak that stopped answering gives it: while {@link #hang} is set, every
 * question waits until the test counts it down (a minute at most). Enabled only by
 * {@link HeartbeatTest}'s profile.
 */
@Alternative
@ApplicationScoped
public class HangingAccountStatus extends AccountStatus {

    static volatile CountDownLatch hang;
    static final AtomicInteger asked = new AtomicInteger();

    @Override
    @ActivateRequestContext
    public Optional<Status> current(String userId) {
        CountDownLatch until = hang;
        if (until != null) {
            asked.incrementAndGet();
            try {
                until.await(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return super.current(userId);
    }
}
