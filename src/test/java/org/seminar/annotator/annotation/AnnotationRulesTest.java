package org.seminar.annotator.annotation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.seminar.annotator.tag.TagService;
import org.seminar.annotator.web.Problem;

/** The content rules of an annotation, without Quarkus: range, quote (UTF-16 offsets), tags. */
class AnnotationRulesTest {

    static final String TEXT = "Neutral 🇧🇾 states stay out of alliances.";
    static final Map<String, TagService.TagView> CODEBOOK = new LinkedHashMap<>();
    static {
        CODEBOOK.put("neutrality", new TagService.TagView("neutrality", "neutrality", "#2b6cb0", "d", false, 1));
        CODEBOOK.put("old", new TagService.TagView("old", "old", "#2b6cb0", "d", true, 1));
    }

    static AnnotationViews.NewAnnotation annotation(int start, int end, String quote, List<String> tags) {
        return new AnnotationViews.NewAnnotation("p1", start, end, quote, tags, null, null);
    }

    static List<String> fields(AnnotationRules.Checked checked) {
        return checked.errors().stream().map(Problem.FieldError::field).toList();
    }

    @Test
    void aQuoteCountedInUtf16UnitsAfterAFlagIsAccepted() {
        int start = TEXT.indexOf("states");
        AnnotationRules.Checked ok = AnnotationRules.checkNew(annotation(start, start + 6, "states", List.of("neutrality", "neutrality")),
                TEXT, CODEBOOK);
        assertEquals(List.of(), ok.errors());
        assertEquals(List.of("neutrality"), ok.tags(), "a tag given twice is stored once");
    }

    @Test
    void rejectsAnnotationWhoseQuoteDoesNotMatchTheParagraph() {
        assertEquals(List.of("quote"), fields(AnnotationRules.checkNew(annotation(0, 7, "Neutrals", List.of("neutrality")), TEXT, CODEBOOK)));
    }

    @Test
    void rejectsRangesOutsideTheParagraphOrBackwards() {
        assertEquals(List.of("end"), fields(AnnotationRules.checkNew(annotation(5, 5, "", List.of("neutrality")), TEXT, CODEBOOK)));
        assertEquals(List.of("end"), fields(AnnotationRules.checkNew(annotation(0, TEXT.length() + 1, TEXT, List.of("neutrality")), TEXT, CODEBOOK)));
        assertEquals(List.of("paragraphId"), fields(AnnotationRules.checkNew(annotation(0, 7, "Neutral", List.of("neutrality")), null, CODEBOOK)));
    }

    @Test
    void rejectsUnknownAndRetiredTagsNamingTheirPosition() {
        assertEquals(List.of("tags[1]", "tags[2]"),
                fields(AnnotationRules.checkNew(annotation(0, 7, "Neutral", List.of("neutrality", "nope", "old")), TEXT, CODEBOOK)));
        assertEquals(List.of(), fields(AnnotationRules.checkChange(new AnnotationViews.AnnotationChange(1, null, "only the comment"),
                List.of("neutrality"), null, CODEBOOK)));
    }

    @Test
    void anAnnotationThatOnlyCommentsIsAcceptedUntagged() {
        AnnotationRules.Checked ok = AnnotationRules.checkNew(new AnnotationViews.NewAnnotation("p1", 0, 7, "Neutral", null,
                "A remark, no code", null), TEXT, CODEBOOK);
        assertEquals(List.of(), ok.errors());
        assertEquals(List.of(), ok.tags());
        assertEquals(List.of(), fields(AnnotationRules.checkNew(new AnnotationViews.NewAnnotation("p1", 0, 7, "Neutral", List.of(),
                "A remark", null), TEXT, CODEBOOK)));
    }

    @Test
    void rejectsAnAnnotationWithNeitherTagNorComment() {
        assertEquals(List.of("tags"), fields(AnnotationRules.checkNew(annotation(0, 7, "Neutral", List.of()), TEXT, CODEBOOK)));
        assertEquals(List.of("tags"), fields(AnnotationRules.checkNew(new AnnotationViews.NewAnnotation("p1", 0, 7, "Neutral", null,
                "  ", null), TEXT, CODEBOOK)));
        assertEquals(List.of("tags"), fields(AnnotationRules.checkChange(new AnnotationViews.AnnotationChange(1, List.of(), null),
                List.of("neutrality"), null, CODEBOOK)), "removing the last tag of an annotation without a comment");
        assertEquals(List.of(), fields(AnnotationRules.checkChange(new AnnotationViews.AnnotationChange(1, List.of(), null),
                List.of("neutrality"), "kept comment", CODEBOOK)), "removing the tags of an annotation that comments");
        assertEquals(List.of("tags"), fields(AnnotationRules.checkChange(new AnnotationViews.AnnotationChange(1, null, ""),
                List.of(), "was the only content", CODEBOOK)), "emptying the comment of an untagged annotation");
    }
}
