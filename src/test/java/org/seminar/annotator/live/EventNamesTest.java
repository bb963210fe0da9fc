package org.seminar.annotator.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.seminar.annotator.annotation.EventType;

/** The page script's event names (static/reader/events.js) are exactly the server's (EventType). */
class EventNamesTest {

    @Test
    void thePageKnowsEveryEventTheServerSendsAndNoOther() throws IOException {
        String script;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("META-INF/resources/static/reader/events.js")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Set<String> inScript = new TreeSet<>();
        Matcher m = Pattern.compile("^\\s*[A-Z_]+: '([a-z-]+)'", Pattern.MULTILINE).matcher(script);
        while (m.find()) {
            inScript.add(m.group(1));
        }
        Set<String> onServer = new TreeSet<>(Arrays.stream(EventType.values()).map(EventType::wireName).toList());
        assertEquals(onServer, inScript);
    }
}
