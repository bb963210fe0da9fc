package org.seminar.annotator.document.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The bundled article rebuilt from its raw print extraction, checked against what a seminar would notice. */
class BundledArticleTest {

    static ParsedArticle article;
    static List<String> paragraphs;

    @BeforeAll
    static void parse() throws IOException {
        try (InputStream in = BundledArticleTest.class.getResourceAsStream(
                "/documents/belarus-non-alignment-neutrality-strategic-autonomy.txt")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            article = new ArticleParser().parse(text, ArticleParser.Source.PRINT_EXTRACTION);
        }
        paragraphs = article.paragraphs().stream().map(InlineText::text).toList();
    }

    @Test
    void hasItsFrontMatter() {
        assertEquals("Belarus: Between Non-Alignment, Neutrality, and Strategic Autonomy Options", article.title());
        assertEquals(List.of("Arseny Sivitsky"), article.authors());
        assertTrue(article.abstractText().startsWith("After Belarus obtained independence in 1990"));
        assertEquals(List.of("Belarus", "Russia", "non-alignment", "neutrality", "strategic autonomy", "Non-Aligned Movement"),
                article.keywords());
        assertTrue(article.authorNote().text().startsWith("Arseny Sivitsky, Director, Center for Strategic and Foreign Policy Studies"));
    }

    @Test
    void hasItsFiveSectionHeadingsInOrder() {
        assertEquals(List.of("At the Geopolitical Crossroads: Between the West and Russia",
                "Belarus and the Non-Aligned Movement",
                "Towards neutrality: Conceptual basis and geopolitical factors",
                "Strategic Autonomy vis-à-vis Russia",
                "Conclusions: A de facto Neutrality"),
                article.sections().stream().map(ParsedArticle.Section::heading).toList());
    }

    @Test
    void everyBodyParagraphIsWhole() {
        paragraphs.forEach(p -> assertTrue(ArticleParser.endsSentence(p), "ends its sentence: " + p));
        paragraphs.forEach(p -> assertTrue(Character.isUpperCase(p.codePointAt(0)), "starts a sentence: " + p));
        assertTrue(paragraphs.contains("This integration did not occur immediately, however. Rather, Belarus’s geopolitical pivot to Russia"
                + " occurred only after changes in Belarusian domestic politics and the reaction of Western states to them.")
                || paragraphs.stream().anyMatch(p -> p.startsWith("However, when Belarusian President Alexander Lukashenko came to power in 1994")));
        String split = paragraphs.stream().filter(p -> p.startsWith("Belarus, like Turkmenistan")).findFirst().orElseThrow();
        assertTrue(split.contains("proceeds from the principles of the equality of states, non-use of force"), split);
    }

    @Test
    void noPullQuoteOrRepeatedTextIsAParagraph() {
        for (int i = 0; i < paragraphs.size(); i++) {
            String mine = ArticleParser.comparable(paragraphs.get(i));
            for (int j = 0; j < paragraphs.size(); j++) {
                if (i != j) {
                    assertFalse(ArticleParser.comparable(paragraphs.get(j)).contains(mine),
                            "paragraph " + (i + 1) + " repeats text of paragraph " + (j + 1));
                }
            }
        }
        assertEquals(1, paragraphs.stream().filter(p -> p.contains("This integration did not occur immediately")).count());
        assertEquals(1, paragraphs.stream().filter(p -> p.contains("To date, no Russian troops are stationed")).count());
    }

    @Test
    void hasFootnotesOneToThirtyOneEachWithItsWholeText() {
        assertEquals(IntStream.rangeClosed(1, 31).mapToObj(String::valueOf).toList(),
                article.footnotes().stream().map(ParsedArticle.Footnote::label).toList());
        Map<String, String> text = article.footnotes().stream()
                .collect(Collectors.toMap(ParsedArticle.Footnote::label, f -> f.content().text()));
        assertEquals("Chupris, O. and Smirnova, S. “The Neutrality of the Republic of Belarus as Legal Provision,” "
                + "Moscow Journal of International Law, No. 4, 2017, pp.107-115.", text.get("10"));
        assertTrue(text.get("16").endsWith("available at: http://pravo.gov.ru/proxy/ips/?docbody=&nd=102378121&intelsearch="
                + "%E2%EE%E5%ED%ED%E0%FF+%E1%E0%E7%E0+%E2+%E1%E5%B%E0%F0%F3%F1%E8 (Accessed June 28, 2020)."), text.get("16"));
        article.footnotes().forEach(f -> assertFalse(f.content().text().isBlank()));
    }

    @Test
    void noFootnoteTextIsInsideABodyParagraph() {
        for (String p : paragraphs) {
            assertFalse(p.contains("Accessed") || p.contains("Access date") || p.contains("available at:")
                    || p.contains("%E2") || p.contains("pp.107"), p);
        }
    }

    @Test
    void everyFootnoteIsReferencedFromTheBodyAndMarkersAreNotInTheText() {
        Map<String, Long> refs = article.paragraphs().stream().flatMap(p -> p.refs().stream())
                .collect(Collectors.groupingBy(InlineText.Ref::label, Collectors.counting()));
        article.footnotes().forEach(f -> assertTrue(refs.containsKey(f.label()), "footnote " + f.label() + " is referenced"));
        paragraphs.forEach(p -> assertFalse(p.matches(".*[⁰¹²³⁴⁵⁶⁷⁸⁹*].*"), "no markers or asterisks: " + p));
    }

    @Test
    void keepsItalicsAsMarks() {
        InlineText statusQuo = article.paragraphs().stream().filter(p -> p.text().contains("status quo")).findFirst().orElseThrow();
        InlineText.Mark em = statusQuo.marks().stream().filter(m -> m.type().equals("em")).findFirst().orElseThrow();
        assertEquals("status quo", statusQuo.text().substring(em.start(), em.end()));
    }

    @Test
    void paragraphsAreCountedInReadingOrder() {
        Map<String, Integer> positions = IntStream.range(0, paragraphs.size()).boxed()
                .collect(Collectors.toMap(paragraphs::get, Function.identity(), (a, b) -> a));
        assertTrue(positions.get(paragraphs.stream().filter(p -> p.startsWith("The adoption by the Supreme council")).findFirst().orElseThrow()) == 0);
        assertEquals(paragraphs.size(), positions.size());
    }
}
