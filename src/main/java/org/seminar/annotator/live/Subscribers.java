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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.seminar.annotator.account.AccountStatus;
import org.seminar.annotator.annotation.AnnotationEvent;
import org.seminar.annotator.annotation.BlindModes;
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
    ObjectMapper json;
    private ScheduledExecutorService heartbeat;
    private ScheduledExecutorService accountChecks;

    void start(@Observes StartupEvent event) {
        long beat = config.live().heartbeat().toMillis();
        heartbeat = Executors.newSingleThreadScheduledExecutor(daemon("sse-heartbeat"));
        // a comment line every heartbeat keeps idle streams open through proxies and shows dead ones;
        // it never waits on Keycloak, which the account checks ask on a thread of their own
        heartbeat.scheduleAtFixedRate(() -> open.forEach(s -> send(s, s.sse().newEventBuilder().comment("keep-alive").build())),
                beat, beat, TimeUnit.MILLISECONDS);
        accountChecks = Executors.newSingleThreadScheduledExecutor(daemon("sse-account-checks"));
        // with a fixed delay, a slow round is never overlapped by the next one
        accountChecks.scheduleWithFixedDelay(() -> closeStreamsOfChangedAccounts(System.nanoTime() + beat * 1_000_000L / 2),
                beat, beat, TimeUnit.MILLISECONDS);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * A stream is one long request: an account disabled, or moved to other groups, since the stream
     * opened has its streams closed, so the page reconnects with what the account may see now. A
     * round stops at its deadline (half a heartbeat); the accounts are asked in a new random order
     * each round, so a slow Keycloak delays the check of some accounts, never the stream of anyone.
     */
    void closeStreamsOfChangedAccounts(long deadlineNanos) {
        Map<String, List<Subscriber>> byAccount = open.stream().filter(s -> s.accountId() != null)
                .collect(Collectors.groupingBy(Subscriber::accountId));
        List<String> order = new java.util.ArrayList<>(byAccount.keySet());
        java.util.Collections.shuffle(order);
        for (String account : order) {
            if (System.nanoTime() - deadlineNanos > 0) {
                return;
            }
            List<Subscriber> streams = byAccount.get(account);
            try {
                accounts.current(account).ifPresent(status -> streams.stream()
                        .filter(s -> !status.mayUseTheApp() || !Set.copyOf(status.groupIdsByName().values()).equals(s.reader().groupIds()))
                        .forEach(s -> {
                            open.remove(s);
                            s.sink().close();
                        }));
            } catch (RuntimeException e) {
                // Keycloak's answer is not needed to keep streaming; the next round asks again
            }
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (heartbeat != null) {
            heartbeat.shutdownNow();
        }
        if (accountChecks != null) {
            accountChecks.shutdownNow();
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
        for (Subscriber s : open) {
            try {
                if (s.documentId().equals(event.documentId()) && visibility.mayHear(s.reader(), event)) {
                    send(s, toSse(s.sse(), event));
                }
            } catch (RuntimeException e) {
                // one stream that cannot be judged or written to does not keep the event from the others
                LOG.warnf("Could not send event %d to a stream of %s: %s", event.id(), s.reader().username(), e.toString());
            }
        }
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
