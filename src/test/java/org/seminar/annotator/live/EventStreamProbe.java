package org.seminar.annotator.live;

import static io.restassured.RestAssured.given;

import java.net.URL;
import java.time.Duration;
import java.util.Map;
import org.seminar.annotator.support.Tokens;

/** Reads a document's event stream as a client that reconnects with {@code Last-Event-ID: 0} would. */
public final class EventStreamProbe {

    private EventStreamProbe() {
    }

    /**
     * Everything the stream sends a reader who replays from the start, up to the server's
     * {@code : connected} line (which ends the replay), as text: ids, names, data. Works for readers
     * in no group, whose own presence reaches no one.
     */
    public static String replayFromStart(URL base, String documentId, String username) throws Exception {
        try (EventStream stream = new EventStream(new URL(base, "/api/documents/" + documentId + "/events").toString(),
                Tokens.of(username), "0")) {
            if (stream.status != 200) {
                return "status " + stream.status;
            }
            return stream.everythingReplayed();
        }
    }
}
