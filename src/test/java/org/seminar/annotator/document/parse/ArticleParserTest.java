package org.seminar.annotator.document.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.seminar.annotator.document.parse.ArticleParser.Source;

/** The importer on synthetic texts, one per kind of print-extraction artefact, without Quarkus. */
class ArticleParserTest {

    private final ArticleParser parser = new ArticleParser();

    private ParsedArticle print(String text) {
        return parser.parse(text, Source.PRINT_EXTRACTION);
    }

    private static List<String> texts(ParsedArticle article) {
        return article.paragraphs().stream().map(InlineText::text).toList();
    }

    private static final String FRONT = """
            A Study of Small States

            Jane Roe*

            This abstract says what the study is about. It has two sentences.

            Keywords: small states, alliances

            * **Jane Roe**, Lecturer, Example University.

            First Part of the Study
            """;

    @Test
    void readsPrintedFrontMatter() {
        ParsedArticle a = print(FRONT + "\nA body paragraph that is complete.\n");
        assertEquals("A Study of Small States", a.title());
        assertEquals(List.of("Jane Roe"), a.authors());
        assertEquals("This abstract says what the study is about. It has two sentences.", a.abstractText());
        assertEquals(List.of("small states", "alliances"), a.keywords());
        assertEquals("Jane Roe, Lecturer, Example University.", a.authorNote().text());
        assertEquals("strong", a.authorNote().marks().get(0).type());
        assertEquals("First Part of the Study", a.sections().get(0).heading());
        assertEquals(List.of("A body paragraph that is complete."), texts(a));
    }

    @Test
    void joinsAParagraphThatAPageBreakCutMidSentenceWithALowerCaseContinuation() {
        ParsedArticle a = print(FRONT + """

                The treaty was signed in a hurry¹ and its terms were

                1 A footnote that ends this page.

                not read by the parliament until much later.

                The next paragraph is separate.
                """);
        assertEquals(List.of("The treaty was signed in a hurry and its terms were not read by the parliament until much later.",
                "The next paragraph is separate."), texts(a));
    }

    @Test
    void joinsAPageBreakWhoseContinuationStartsWithACapital() {
        ParsedArticle a = print(FRONT + """

                Talks were held first in Vienna and then at the

                Organization for Security and Cooperation in Europe in the spring.
                """);
        assertEquals(List.of("Talks were held first in Vienna and then at the Organization for Security and Cooperation in Europe in the spring."),
                texts(a));
    }

    @Test
    void keepsShortOneSentenceParagraphs() {
        ParsedArticle a = print(FRONT + """

                A long first paragraph that says a great deal and ends properly.

                Thus, short paragraphs are real.

                Another paragraph follows here.
                """);
        assertEquals(3, texts(a).size());
        assertEquals("Thus, short paragraphs are real.", texts(a).get(1));
    }

    @Test
    void separatesFootnotesNumberedWithPlainAndSuperscriptDigitsAndLinksThemToTheirMarkers() {
        ParsedArticle a = print(FRONT + """

                The first claim is made here.¹ A second one follows.²

                1 Author, A., *Book One*, 2001, available at: <https://example.org/one> (Accessed June 1, 2020).

                ² Author, B., *Book Two*, 2002.

                A later paragraph cites a third source.³

                ³ Author, C., Paper Three, 2003.
                """);
        assertEquals(List.of("The first claim is made here. A second one follows.", "A later paragraph cites a third source."), texts(a));
        assertEquals(List.of("1", "2", "3"), a.footnotes().stream().map(ParsedArticle.Footnote::label).toList());
        assertEquals("Author, A., Book One, 2001, available at: https://example.org/one (Accessed June 1, 2020).",
                a.footnotes().get(0).content().text());
        InlineText first = a.paragraphs().get(0);
        assertEquals(List.of(new InlineText.Ref("1", 29), new InlineText.Ref("2", 51)), first.refs());
        assertTrue(a.footnotes().get(0).content().marks().stream().anyMatch(m -> m.type().equals("link") && m.href().equals("https://example.org/one")));
    }

    @Test
    void aNumberAtTheStartOfABodyBlockIsNotAFootnoteUnlessItsMarkerCameFirst() {
        ParsedArticle a = print(FRONT + """

                The talks began on a cold morning in the capital and lasted until

                2 February, when both sides signed.
                """);
        assertTrue(a.footnotes().isEmpty());
        assertEquals(List.of("The talks began on a cold morning in the capital and lasted until 2 February, when both sides signed."), texts(a));
    }

    @Test
    void joinsAFootnoteThatContinuesAfterTheNextPagesBodyText() {
        ParsedArticle a = print(FRONT + """

                A claim with a long source.¹ The argument goes on and on across

                ¹ Smith, J. “A Very Long Title of an Article That Does Not

                the page, where it finishes.² And a new paragraph starts.

                Fit on One Page,” *Journal of Examples*, No. 4, 2017, pp. 10-20.

                ² Jones, K., Short Note, 2019.
                """);
        assertEquals("Smith, J. “A Very Long Title of an Article That Does Not Fit on One Page,” Journal of Examples, No. 4, 2017, pp. 10-20.",
                a.footnotes().get(0).content().text());
        assertEquals(List.of("A claim with a long source. The argument goes on and on across the page, where it finishes. And a new paragraph starts."),
                texts(a));
    }

    @Test
    void joinsAFootnoteCutInTheMiddleOfAUrl() {
        ParsedArticle a = print(FRONT + """

                A decree was published.¹ It was debated at length by the deputies and then

                ¹ Portal, *Decree*, available at: <http://example.org/ips/?doc=1&search>

                sent back to committee.

                =%E2%EE%E5 (Accessed June 28, 2020).

                ² Second source, 2020.
                """.replace("committee.", "committee.²"));
        assertEquals("Portal, Decree, available at: http://example.org/ips/?doc=1&search=%E2%EE%E5 (Accessed June 28, 2020).",
                a.footnotes().get(0).content().text());
        assertTrue(a.footnotes().get(0).content().marks().stream()
                .anyMatch(m -> "http://example.org/ips/?doc=1&search=%E2%EE%E5".equals(m.href())));
        assertEquals(List.of("A decree was published. It was debated at length by the deputies and then sent back to committee."), texts(a));
    }

    @Test
    void dropsAPullQuoteSetBetweenParagraphs() {
        ParsedArticle a = print(FRONT + """

                The alliance was never equal. Small partners learned to bargain with the larger one over every clause.

                Small partners learned to bargain with the larger one over every clause.

                The next paragraph is about something else entirely.
                """);
        assertEquals(2, texts(a).size());
    }

    @Test
    void dropsAPullQuoteSetInTheMiddleOfASentenceAndJoinsTheSentence() {
        ParsedArticle a = print(FRONT + """

                The country, in its foreign policy, proceeds from the principles of

                The country, in its foreign policy, proceeds from the principles of equality and non-interference.

                equality and non-interference.¹

                ¹ Source, 2020.
                """);
        assertEquals(List.of("The country, in its foreign policy, proceeds from the principles of equality and non-interference."), texts(a));
    }

    @Test
    void recognisesAPullQuoteWithOtherApostrophesAndQuoteMarks() {
        ParsedArticle a = print(FRONT + """

                The state's 'new normal' was declared in 2015. Nobody in the region objected to it at the time.

                The state’s ‘new normal’ was declared in 2015.

                Closing words of the section.
                """);
        assertEquals(List.of("The state's 'new normal' was declared in 2015. Nobody in the region objected to it at the time.",
                "Closing words of the section."), texts(a));
    }

    @Test
    void recognisesAPullQuotePlacedInALaterSection() {
        ParsedArticle a = print(FRONT + """

                Minsk seeks to reassert its commitments to regional security. That keeps it out of the conflict.

                Conclusions of the Study

                The conclusion restates the case in its own words.

                Minsk seeks to reassert its commitments to regional security.
                """);
        assertEquals(2, a.sections().size());
        assertEquals(List.of("The conclusion restates the case in its own words."), texts(new ParsedArticle(null, List.of(), null,
                List.of(), null, List.of(a.sections().get(1)), List.of())));
    }

    @Test
    void aPartCutOffByAPageBreakIsNeverTakenForAPullQuote() {
        ParsedArticle a = print(FRONT + """

                To date, no troops are stationed on the territory; nor is there any

                ¹ Source, 2020.

                equipment in storage. It can be brought in only in wartime.¹

                To date, no troops are stationed on the territory; nor is there any equipment in storage.
                """.replace("territory; nor is there any\n\n¹", "territory;¹ nor is there any\n\n¹"));
        assertEquals(List.of("To date, no troops are stationed on the territory; nor is there any equipment in storage. It can be brought in only in wartime."),
                texts(a));
    }

    @Test
    void keepsEmphasisAndLinksAsStructureNotAsAsterisks() {
        ParsedArticle a = print(FRONT + "\nRussia is not satisfied with the *status quo* and **says so** at <https://example.org/x>.\n");
        InlineText p = a.paragraphs().get(0);
        assertEquals("Russia is not satisfied with the status quo and says so at https://example.org/x.", p.text());
        assertEquals(List.of(new InlineText.Mark("em", 33, 43, null), new InlineText.Mark("strong", 48, 55, null),
                new InlineText.Mark("link", 59, 80, "https://example.org/x")), p.marks());
    }

    @Test
    void cleanTextIsTakenAsWrittenWithoutRepairs() {
        String text = """
                # Notes on Reading

                Keywords: reading, seminars

                ## Why read slowly

                A paragraph that ends without a full stop

                and a second paragraph that would be merged in print mode.

                A paragraph that ends without a full stop
                """;
        ParsedArticle clean = parser.parse(text, Source.CLEAN);
        assertEquals("Notes on Reading", clean.title());
        assertEquals(List.of("reading", "seminars"), clean.keywords());
        assertEquals("Why read slowly", clean.sections().get(0).heading());
        assertEquals(3, texts(clean).size(), "no joins and no pull-quote removal on clean text");
        assertNull(clean.abstractText());
    }

    @Test
    void aSecondArticleFromTheSameJournalIsRebuiltByTheSameRules() throws IOException {
        String text;
        try (InputStream in = getClass().getResourceAsStream("/articles/second-article.txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        ParsedArticle a = print(text);
        assertEquals("Small States and the Art of Hedging: The Case of the Baltic Region", a.title());
        assertEquals(List.of("Mara Lindqvist"), a.authors());
        assertEquals(List.of("Introduction", "Hedging in Theory", "Conclusions"),
                a.sections().stream().map(ParsedArticle.Section::heading).toList());
        assertEquals(List.of("1", "2", "3", "4"), a.footnotes().stream().map(ParsedArticle.Footnote::label).toList());
        assertTrue(a.footnotes().get(1).content().text().endsWith("Cambridge University Press, 2014, pp. 33-58."),
                a.footnotes().get(1).content().text());
        List<String> paragraphs = texts(a);
        assertEquals(4, paragraphs.size(), String.join("\n", paragraphs));
        paragraphs.forEach(p -> assertTrue(ArticleParser.endsSentence(p), "whole paragraph: " + p));
        assertEquals(paragraphs.size(), paragraphs.stream().distinct().count());
        assertFalse(paragraphs.stream().anyMatch(p -> p.contains("Cambridge")), "no footnote text in the body");
        assertEquals(4, IntStream.range(0, paragraphs.size()).map(i -> a.paragraphs().get(i).refs().size()).sum());
    }
}
