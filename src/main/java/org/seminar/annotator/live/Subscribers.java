package org.seminar.annotator.live;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.seminar.annotator.account.AccountStatus;
import org.seminar.annotator.annotation.AnnotationEvent;
import org.seminar.annotator.annotation.BlindModes;
import org.seminar.annotator.annotation.CodebookNews;
import org.seminar.annotator.annotation.EventType;
import org.seminar.annotator.annotation.Reader;
import org.seminar.annotator.annotation.Visibility;
import org.seminar.annotator.config.AnnotatorConfig;

/** The event streams open on this instance; each gets only the events its reader may see. */
@ApplicationScoped
public class Subscribers {

    /** One open stream: who reads which document, and where to write. */
    record Subscriber(String documentId, Reader reader, String accountId, SseEventSink sink, Sse sse) {
    }

    /** What a stream receives as the data of an event: enough for the page to fetch what changed. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Data(String id, EventType type, String actor, String documentId) {
    }

    private static final Logger LOG = Logger.getLogger(Subscribers.class);

    private final Set<Subscriber> open = ConcurrentHashMap.newKeySet();

    @Inject
    Visibility visibility;
    @Inject
    AccountStatus accounts;
    @Inject
    AnnotatorConfig config;
    @Inject
    BlindModes blindModes;
    @Inject
    CodebookNews codebookNews;
    @Inject
    ObjectMapper json;
    @Inject
    io.micrometer.core.instrument.MeterRegistry metrics;
    /** Keep-alives only: never waits on anything but the streams. */
    private ScheduledExecutorService heartbeat;
    /** The account round, one at a time: a round that runs long postpones the next, never piles up. */
    private ScheduledExecutorService accountCheck;
    /** Asks Keycloak about the accounts of a round, as many at once as {@link AccountStatus} allows. */
    private ThreadPoolExecutor askers;
    /** Questions to Keycloak of one round at once (AccountStatus asks at most four at a time anyway). */
    static final int ASKING_AT_ONCE = 4;

    void start(@Observes StartupEvent event) {
        io.micrometer.core.instrument.Gauge.builder("annotator.event.streams", open, Set::size)
                .description("Event streams (reading pages) open on this instance").register(metrics);
        heartbeat = Executors.newSingleThreadScheduledExecutor(daemon("sse-heartbeat"));
        accountCheck = Executors.newSingleThreadScheduledExecutor(daemon("sse-account-check"));
        askers = new ThreadPoolExecutor(ASKING_AT_ONCE, ASKING_AT_ONCE, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                daemon("sse-account-asker"));
        long every = config.live().heartbeat().toMillis();
        // a comment line every heartbeat keeps idle streams open through proxies and shows dead ones
        heartbeat.scheduleAtFixedRate(() -> open.forEach(s -> {
            try {
                send(s, s.sse().newEventBuilder().comment("keep-alive").build());
            } catch (RuntimeException e) {
                LOG.debugf("Keep-alive not sent: %s", e.toString());
            }
        }), every, every, TimeUnit.MILLISECONDS);
        accountCheck.scheduleWithFixedDelay(() -> {
            try {
                closeStreamsOfChangedAccounts(config.live().heartbeat());
            } catch (RuntimeException e) {
                LOG.warnf("Account round failed: %s", e.toString());
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + (name.endsWith("asker") ? "-" + count.incrementAndGet() : ""));
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * A stream is one long request: an account disabled, or moved to other groups, since the stream
     * opened has its streams closed, so the page reconnects with what the account may see now. A
     * round takes {@code limit} at most: an account Keycloak has not answered for by then keeps its
     * streams until a later round (its question goes on and leaves its answer with {@link AccountStatus});
     * while Keycloak is known to be down the last known state is used without asking.
     */
    void closeStreamsOfChangedAccounts(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        Map<String, List<Subscriber>> byAccount = open.stream().filter(s -> s.accountId() != null)
                .collect(Collectors.groupingBy(Subscriber::accountId));
        Map<String, Future<Optional<AccountStatus.Status>>> asked = new LinkedHashMap<>();
        byAccount.keySet().forEach(account -> asked.put(account, askers.submit(() -> accounts.current(account))));
        asked.forEach((account, answer) -> {
            Optional<AccountStatus.Status> status;
            try {
                status = answer.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                answer.cancel(false); // not yet started: dropped; under way: its answer is kept for the next round
                return;
            } catch (ExecutionException e) {
                return; // Keycloak's answer is not needed to keep streaming; the next round asks again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            status.ifPresent(now -> byAccount.get(account).stream()
                    .filter(s -> !now.mayUseTheApp() || !Set.copyOf(now.groupIdsByName().values()).equals(s.reader().groupIds()))
                    .forEach(s -> {
                        open.remove(s);
                        s.sink().close();
                    }));
        });
        askers.purge(); // the questions dropped above leave the queue now
    }

    void stop(@Observes ShutdownEvent event) {
        for (ExecutorService executor : new ExecutorService[] { heartbeat, accountCheck, askers }) {
            if (executor != null) {
                executor.shutdownNow();
            }
        }
        open.forEach(s -> s.sink().close());
    }

    void add(Subscriber subscriber) {
        open.add(subscriber);
    }

    public int count() {
        return open.size();
    }

    /** Replays what a reconnecting stream missed, judged by what is true now. */
    void replay(Subscriber subscriber, List<AnnotationEvent> missed) {
        for (AnnotationEvent event : missed) {
            if (visibility.mayReplay(subscriber.reader(), event)) {
                send(subscriber, toSse(subscriber.sse(), event));
            }
        }
    }

    void deliver(AnnotationEvent event) {
        if (event.type() == EventType.BLIND || event.type() == EventType.REVEAL) {
            blindModes.invalidate();
        }
        if (event.type() == EventType.CODEBOOK_CHANGED) {
            codebookNews.heard();
        }
        long started = System.nanoTime();
        int sent = 0;
        for (Subscriber s : open) {
            try {
                if ((event.type() == EventType.CODEBOOK_CHANGED || s.documentId().equals(event.documentId()))
                        && visibility.mayHear(s.reader(), event)) {
                    send(s, toSse(s.sse(), event));
                    sent++;
                }
            } catch (RuntimeException e) {
                // one stream that cannot be judged or written to does not keep the event from the others
                LOG.warnf("Could not send event %d to a stream of %s: %s", event.id(), s.reader().username(), e.toString());
            }
        }
        metrics.timer("annotator.event.fanout", "type", event.type().wireName()).record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
        metrics.counter("annotator.events.sent", "type", event.type().wireName()).increment(sent);
    }

    OutboundSseEvent toSse(Sse sse, AnnotationEvent event) {
        String data;
        try {
            data = json.writeValueAsString(new Data(event.annotationId(), event.type(), event.actor(), event.documentId()));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        var builder = sse.newEventBuilder().name(event.type().wireName()).data(data);
        // presence is not journalled: no id, so it never moves a client's Last-Event-ID
        return event.id() > 0 ? builder.id(String.valueOf(event.id())).build() : builder.build();
    }

    void send(Subscriber s, OutboundSseEvent event) {
        if (s.sink().isClosed()) {
            open.remove(s);
            return;
        }
        s.sink().send(event).whenComplete((ok, error) -> {
            if (error != null) {
                open.remove(s);
                s.sink().close();
            }
        });
    }
}
