package org.seminar.annotator.live;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.seminar.annotator.annotation.Reader;

/** The event streams open on this instance; each gets only the events its reader may see. */
@ApplicationScoped
public class Subscribers {

    /** One open stream: who reads which document, and where to write. */
    record Subscriber(String documentId, Reader reader, SseEventSink sink, Sse sse) {
        boolean mayHear(LiveEvent event, BlindModes blindModes) {
            if (!event.documentId().equals(documentId) || !(reader.admin() || reader.groupIds().contains(event.groupId()))) {
                return false;
            }
            // in blind mode a reviewer hears only of their own work (and of the switch itself)
            boolean aboutOthers = !event.actor().equals(reader.username()) && !event.type().equals("reveal") && !event.type().equals("blind")
                    && !event.type().equals("presence");
            return reader.admin() || !aboutOthers || !blindModes.isBlind(event.documentId(), event.groupId());
        }
    }

    private final Set<Subscriber> open = ConcurrentHashMap.newKeySet();

    @jakarta.inject.Inject
    BlindModes blindModes;
    private ScheduledExecutorService heartbeat;

    void start(@Observes StartupEvent event) {
        heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sse-heartbeat");
            t.setDaemon(true);
            return t;
        });
        // a comment line every 15 s keeps idle streams open through proxies and shows dead ones
        heartbeat.scheduleAtFixedRate(() -> open.forEach(s -> send(s, s.sse().newEventBuilder().comment("keep-alive").build())),
                15, 15, TimeUnit.SECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (heartbeat != null) {
            heartbeat.shutdownNow();
        }
        open.forEach(s -> s.sink().close());
    }

    void add(Subscriber subscriber) {
        open.add(subscriber);
    }

    public int count() {
        return open.size();
    }

    boolean mayHear(Subscriber subscriber, LiveEvent event) {
        return subscriber.mayHear(event, blindModes);
    }

    void deliver(LiveEvent event) {
        if (event.type().equals("blind") || event.type().equals("reveal")) {
            blindModes.invalidate();
        }
        for (Subscriber s : open) {
            if (s.mayHear(event, blindModes)) {
                send(s, toSse(s.sse(), event));
            }
        }
    }

    static OutboundSseEvent toSse(Sse sse, LiveEvent event) {
        String data = "{\"id\":\"" + event.annotationId() + "\",\"type\":\"" + event.type() + "\",\"actor\":\"" + json(event.actor())
                + "\",\"documentId\":\"" + event.documentId() + "\"}";
        var builder = sse.newEventBuilder().name(event.type()).data(data);
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

    private static String json(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
