package org.seminar.annotator.document.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.seminar.annotator.support.JournalPdf;

/**
 * PDFs typeset here from a known structure ({@link JournalPdf}) must come back as exactly that
 * structure, paragraph by paragraph: in one and two columns, with running header and page numbers,
 * paragraphs cut by page and column breaks, a hyphenated line end and a real hyphen at a line end,
 * footnotes in a smaller font (one running over to the next page), a boxed pull quote, a figure
 * caption and a ligature.
 */
public class PdfArticleReaderTest {

    /** Limits far above what these articles need (the app's own come from its configuration). */
    static final PdfLimits GENEROUS = new PdfLimits(64L << 20, 300, 200_000, 2_000_000, java.time.Duration.ofSeconds(20));

    static PdfArticleReader reader() {
        return new PdfArticleReader(GENEROUS);
    }

    public static final String TITLE = "Small States Between the Blocs: Neutrality, Non-Alignment and Strategic Autonomy in Practice";

    /** The article's paragraphs in the generator's markup, by section. */
    static final String[] INTRODUCTION = {
        "Small states rarely choose their neigh¬bours, yet they choose how close to stand to them. This article reads three "
                + "answers that such states have given: *permanent neutrality* fixed in law, non-alignment declared in policy, and "
                + "a strategic autonomy that keeps every option open.^1 Each answer promises safety and each has a price.",
        "The ﬁrst answer is the oldest. A neutral state promises to stay out of the wars of others, and its neighbours promise "
                + "to respect that choice. The promise is politi~cal before it is legal: it lasts only while the strongest neighbours "
                + "find it useful.^2 Treaties give it a form that courts and diplomats can cite, but they do not give it force.",
        "The second answer, non-|alignment, grew out of the Cold War. States that joined neither bloc claimed the right to judge "
                + "each crisis on its merits. Non-alignment asked for no treaty and offered no guarantee; it was a posture that "
                + "had to be renewed in every vote and every visit.",
    };
    public static final String[] LAW = {
        "Neutrality by law binds a state in advance. It cannot host foreign troops, it cannot join an alliance, and it must "
                + "defend its own territory against anyone who would use it. The obligations are clear, and that clarity is what "
                + "makes them credible to neighbours who distrust each other. A small state that keeps them earns a kind of "
                + "respect that no single partner can grant. The obligations also cost money, because a neutral army must be "
                + "able to hold its ground alone for the first weeks of a crisis.",
        "Clarity has a price. A neutral state that wants to change course must first change its law, and sometimes its "
                + "constitution. Its neighbours watch every step of that change and read it as a signal. The more firmly the "
                + "neutrality was written, the louder the signal becomes when the text is amended. Several European states learned "
                + "this lesson during the last decade, when public debate about alliances moved faster than the lawyers could "
                + "follow. Governments that had promised stability found themselves explaining procedure instead of policy.",
        "Recognition matters as much as the text. A neutrality that no great power recognises protects nobody, and a neutrality "
                + "that every great power recognises may still fail when one of them changes its mind. The history of the "
                + "twentieth century offers examples of both. Scholars therefore speak of neutrality as a relationship rather than "
                + "a status: it exists between a state and the powers around it, and it has to be maintained by both sides.",
        "The practice of neutrality is therefore a practice of communication. Neutral governments explain their choices "
                + "before they make them, consult their neighbours about exercises near the border, and publish what their armed "
                + "forces are for. This habit of explanation is the least visible part of neutrality and perhaps the most "
                + "important. It turns a legal promise into a routine that others can observe, test and come to rely on.",
    };
    public static final String[] AUTONOMY = {
        "Strategic autonomy is the newest of the three answers and the least defined. It promises freedom of action without "
                + "the constraints of neutrality and without the costs of alignment.^3 Critics reply that autonomy without "
                + "capabilities is a slogan, and that a small state can only be as autonomous as its economy allows.",
        "The three answers are not exclusive. A state may be neutral in law, non-aligned in its votes and autonomous in its "
                + "trade, and it may move between them as its neighbourhood changes. What matters for a seminar is to see which "
                + "answer a text defends, which it takes for granted, and which it never names.",
    };
    static final String PULL_QUOTE = "The obligations are clear, and that clarity is what makes them credible to neighbours who distrust each other.";
    static final String CAPTION = "Figure 1. Neutral and non-aligned states of Europe, by the decade in which their status began.";
    static final String NOTE_1 = "On the three answers see the survey by the seminar's editors, chapter two.";
    public static final String NOTE_2 = "The literature on recognised neutrality is large. The classic statement holds that a neutral state is "
            + "one whose neutrality others find useful; later work adds that usefulness must be renewed by the neutral state itself, "
            + "through a defence that is credible and a diplomacy that is predictable. Both views agree that law alone has never kept "
            + "a neutral state out of a war that its neighbours wanted to fight, and both cite the same cases from the first half of the "
            + "twentieth century, when guarantees given by treaty were set aside within days. A third view, less often heard, asks what "
            + "neutrality meant to the citizens of such states, and finds that it was a source of pride long after it had ceased to be "
            + "a source of safety. This note runs over to the next page.";
    static final String NOTE_3 = "Autonomy is used here in the sense of the seminar's reading list, week five.";

    public static JournalPdf article(int columns) {
        return new JournalPdf().columns(columns).title(TITLE).authors("Ann Author and Ben Writer")
                .abstractText("The article compares three ways in which small states keep their distance from the great powers around "
                        + "them and asks what each of them costs.")
                .keywords("neutrality, non-alignment, strategic autonomy")
                .authorNote("Ann Author teaches international relations; Ben Writer edits the seminar series.")
                .section("Introduction", INTRODUCTION).section("Neutrality by Law", LAW).section("Strategic Autonomy", AUTONOMY)
                .footnote(1, NOTE_1).footnote(2, NOTE_2).footnote(3, NOTE_3)
                .pullQuote(new JournalPdf.At(3, 1), PULL_QUOTE)
                .figure(new JournalPdf.At(5, 1), CAPTION);
    }

    /** What a paragraph source must become: its text, its emphasis and its footnote markers. */
    record Expected(String text, List<String> ems, List<String> refs) {
        static Expected of(String source) {
            String s = source.replace("~", "").replace("¬", "").replace("-|", "-").replace("ﬁ", "fi");
            StringBuilder text = new StringBuilder();
            List<String> ems = new ArrayList<>();
            List<String> refs = new ArrayList<>();
            int emStart = -1;
            Matcher marker = Pattern.compile("\\^(\\d+)").matcher("");
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '*') {
                    if (emStart < 0) {
                        emStart = text.length();
                    } else {
                        ems.add(text.substring(emStart));
                        emStart = -1;
                    }
                } else if (c == '^' && marker.reset(s).region(i, s.length()).lookingAt()) {
                    refs.add(marker.group(1) + "@" + text.length());
                    i += marker.group().length() - 1;
                } else {
                    text.append(c);
                }
            }
            return new Expected(text.toString(), ems, refs);
        }

        static Expected of(InlineText actual) {
            return new Expected(actual.text(), actual.marks().stream().filter(m -> m.type().equals("em"))
                    .map(m -> actual.text().substring(m.start(), m.end())).toList(),
                    actual.refs().stream().map(r -> r.label() + "@" + r.offset()).toList());
        }
    }

    @ParameterizedTest(name = "{0} column(s)")
    @ValueSource(ints = {1, 2})
    void theArticleComesBackParagraphByParagraph(int columns) {
        JournalPdf pdf = article(columns);
        ParsedArticle article = reader().read(pdf.render());

        assertEquals(TITLE, article.title());
        assertEquals(List.of("Ann Author", "Ben Writer"), article.authors());
        assertEquals("The article compares three ways in which small states keep their distance from the great powers around them"
                + " and asks what each of them costs.", article.abstractText());
        assertEquals(List.of("neutrality", "non-alignment", "strategic autonomy"), article.keywords());
        assertEquals("Ann Author teaches international relations; Ben Writer edits the seminar series.", article.authorNote().text());

        assertEquals(List.of("Introduction", "Neutrality by Law", "Strategic Autonomy"),
                article.sections().stream().map(ParsedArticle.Section::heading).toList());
        List<String[]> sources = List.of(INTRODUCTION, LAW, AUTONOMY);
        for (int s = 0; s < 3; s++) {
            List<Expected> expected = new ArrayList<>(Arrays.stream(sources.get(s)).map(Expected::of).toList());
            if (s == 1) {
                expected.add(3, new Expected(CAPTION, List.of(), List.of())); // the caption follows the paragraph it interrupts
            }
            List<Expected> actual = article.sections().get(s).paragraphs().stream().map(Expected::of).toList();
            assertEquals(expected.size(), actual.size(), "paragraphs of section " + s + ": " + actual);
            for (int p = 0; p < expected.size(); p++) {
                assertEquals(expected.get(p), actual.get(p), "section " + s + ", paragraph " + p);
            }
        }

        assertEquals(List.of("1", "2", "3"), article.footnotes().stream().map(ParsedArticle.Footnote::label).toList());
        assertEquals(List.of(NOTE_1, NOTE_2, NOTE_3), article.footnotes().stream().map(f -> f.content().text()).toList());
        assertTrue(pdf.footnotePages.get(2)[1] > pdf.footnotePages.get(2)[0], "footnote 2 runs over to the next page");

        // each paragraph remembers the page it started on; at least one was cut by a page break
        List<Integer> pages = article.sections().stream().flatMap(s -> s.pages().stream()).toList();
        List<Integer> expectedPages = new ArrayList<>(pdf.paragraphPages.values().stream().map(p -> p[0]).toList());
        expectedPages.add(6, pages.get(6)); // the caption's own page
        assertEquals(expectedPages, pages);
        assertTrue(pdf.paragraphPages.values().stream().anyMatch(p -> p[1] > p[0]), "a paragraph runs across a page break");
        String all = article.paragraphs().stream().map(InlineText::text).reduce("", String::concat);
        assertTrue(!all.contains("Journal of Seminar Tests") && !all.contains(PULL_QUOTE + PULL_QUOTE), "no running header, pull quote once");
        assertEquals(1, all.split(Pattern.quote(PULL_QUOTE), -1).length - 1, "the pull quote's sentence stays once, in its paragraph");
    }

    @Test
    void aLongTwoColumnArticleComesBackWhole() {
        JournalPdf pdf = JournalPdf.longArticle(32);
        ParsedArticle article = reader().read(pdf.render());
        assertTrue(pdf.paragraphPages.values().stream().mapToInt(p -> p[1]).max().orElse(0) >= 20, "at least 20 pages");
        assertEquals(32, article.sections().size());
        for (int s = 1; s <= 32; s++) {
            ParsedArticle.Section section = article.sections().get(s - 1);
            assertEquals("Part " + s + " of the Argument", section.heading());
            assertEquals(JournalPdf.longSection(s).stream().map(Expected::of).toList(), section.paragraphs().stream().map(Expected::of).toList(),
                    "section " + s);
        }
        assertEquals(java.util.stream.IntStream.rangeClosed(1, 32).mapToObj(String::valueOf).toList(),
                article.footnotes().stream().map(ParsedArticle.Footnote::label).toList());
        assertEquals("Note 12: the sources of part 12 are listed in the seminar's reading list.", article.footnotes().get(11).content().text());
    }

    @Test
    void anEncryptedPdfIsRefused() {
        byte[] pdf = article(1).render("seminar");
        var e = assertThrows(PdfArticleReader.Unreadable.class, () -> reader().read(pdf));
        assertTrue(e.getMessage().contains("encrypted"), e.getMessage());
    }

    @Test
    void aScanWithoutTextIsRefusedWithAdviceToRunOcr() {
        var e = assertThrows(PdfArticleReader.Unreadable.class, () -> reader().read(JournalPdf.imageOnly()));
        assertTrue(e.getMessage().startsWith("this PDF has no text (it is a scan or a picture of text), and this server cannot read "
                + "scans"), e.getMessage());
        assertTrue(e.getMessage().contains("install Tesseract"), e.getMessage());
    }

    @Test
    void aTruncatedFileIsRefused() {
        byte[] pdf = article(1).render();
        byte[] cut = Arrays.copyOf(pdf, pdf.length * 2 / 3);
        var e = assertThrows(PdfArticleReader.Unreadable.class, () -> reader().read(cut));
        assertTrue(e.getMessage().contains("cut short"), e.getMessage());
        assertThrows(PdfArticleReader.Unreadable.class, () -> reader().read("%PDF-1.7 not really".getBytes()));
        assertThrows(PdfArticleReader.Unreadable.class, () -> reader().read("plain text".getBytes()));
    }

    @Test
    void textWithoutPagesHasNoPageMarks() {
        ParsedArticle text = new ArticleParser().parse("Title\n\nOne paragraph.", ArticleParser.Source.CLEAN);
        assertNull(text.sections().get(0).pageOf(0));
    }
}
