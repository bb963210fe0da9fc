package org.seminar.annotator.tag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The contrast rule of tag colours: WCAG's ratios, and the page colours it judges against are those the page uses. */
class TagColoursTest {

    private static final Path STATIC = Path.of("src/main/resources/META-INF/resources/static");

    @Test
    void ratiosAreWcagsOwn() {
        assertEquals(21.0, TagColours.contrast("#000000", "#ffffff"), 0.01);
        assertEquals(1.0, TagColours.contrast("#777777", "#777777"), 0.001);
        // WebAIM's checker: #767676 on white is the lightest grey with 4.5:1
        assertEquals(4.54, TagColours.contrast("#767676", "#ffffff"), 0.01);
        assertEquals("#c0c0c0", TagColours.over("#808080", 0.5, "#ffffff"), "blended in sRGB, as CSS does");
    }

    @Test
    void theDefaultTagColoursPassAndPaleOnesAreRefusedNamingTheRatio() {
        for (String seed : new String[] {"#2b6cb0", "#b7791f", "#2f855a"}) {
            assertTrue(TagColours.problem(seed).isEmpty(), seed + ": " + TagColours.problem(seed));
        }
        String pale = TagColours.problem("#f6e05e").orElseThrow();
        assertTrue(pale.contains("too light") && pale.contains("3:1") && pale.contains(TagColours.PAPER), pale);
        assertTrue(TagColours.problem("#fdfcf9").isPresent(), "the page's own background cannot be seen on it");
    }

    @Test
    void thePageColoursAreThoseOfTheStylesheetAndTheHighlights() throws Exception {
        String css = Files.readString(STATIC.resolve("app.css"));
        assertTrue(css.contains("--paper: " + TagColours.PAPER + ";"), "app.css --paper is " + TagColours.PAPER);
        assertTrue(css.contains("--ink: " + TagColours.INK + ";"), "app.css --ink is " + TagColours.INK);
        String highlights = Files.readString(STATIC.resolve("reader/highlights.js"));
        assertTrue(highlights.contains("overlap ? " + TagColours.STRONGEST_TINT + " :"), "the strongest tint of highlights.js is "
                + TagColours.STRONGEST_TINT);
    }
}
