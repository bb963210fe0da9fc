package org.seminar.annotator.support;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;

/**
 * Typesets a journal article of known structure as a PDF, the way journals print: running header and
 * page number, one or two columns, indented paragraphs flowing across columns and pages, footnotes in a
 * smaller font at the foot of the page of their marker (running over to the next page when they do not
 * fit), a boxed pull quote, a figure with its caption. Tests compare what the import rebuilds with the
 * structure given here, paragraph by paragraph.
 *
 * <p>Markup in paragraph sources: {@code *italic words*}, {@code ^3} a footnote marker after the preceding
 * word, {@code ~} inside a word breaks the line there with a hyphen (a hyphenated line end), {@code ¬} with a soft
 * hyphen (U+00AD), {@code -|}
 * breaks the line after a real hyphen, {@code ﬁ} is set as a ligature glyph.
 */
public final class JournalPdf {

    public record Section(String heading, List<String> paragraphs) {
    }

    /** Where display material goes: after line {@code line} (0-based) of paragraph {@code paragraph} (counted over all sections). */
    public record At(int paragraph, int line) {
    }

    private static final float W = PDRectangle.LETTER.getWidth();
    private static final float H = PDRectangle.LETTER.getHeight();
    private static final float MARGIN = 72;
    private static final float GUTTER = 18;
    private static final float BODY = 10;
    private static final float LEADING = 13;
    private static final float INDENT = 15;
    private static final float BODY_TOP = 100;
    private static final float NOTE_SIZE = 8;
    private static final float NOTE_LEADING = 10;
    private static final int NOTE_LINES = 6;
    private static final float NOTES_TOP = 690;
    private static final float BODY_BOTTOM = NOTES_TOP - 22;

    private String title = "Untitled";
    private String authors;
    private String abstractText;
    private String keywords;
    private String authorNote;
    private final List<Section> sections = new ArrayList<>();
    private final Map<Integer, String> footnotes = new TreeMap<>();
    private int columns = 1;
    private String header = "Journal of Seminar Tests · Vol. 3, No. 2 · 2026";
    private At pullQuoteAt;
    private String pullQuote;
    private At figureAt;
    private String caption;

    /** Pages each paragraph was set on (first, last), filled by {@link #render()}. */
    public final Map<Integer, int[]> paragraphPages = new LinkedHashMap<>();
    /** Pages each footnote was set on (first, last). */
    public final Map<Integer, int[]> footnotePages = new LinkedHashMap<>();

    public JournalPdf title(String title) {
        this.title = title;
        return this;
    }

    public JournalPdf authors(String authors) {
        this.authors = authors;
        return this;
    }

    public JournalPdf abstractText(String text) {
        this.abstractText = text;
        return this;
    }

    public JournalPdf keywords(String keywords) {
        this.keywords = keywords;
        return this;
    }

    public JournalPdf authorNote(String note) {
        this.authorNote = note;
        return this;
    }

    public JournalPdf section(String heading, String... paragraphs) {
        sections.add(new Section(heading, List.of(paragraphs)));
        return this;
    }

    public JournalPdf footnote(int number, String text) {
        footnotes.put(number, text);
        return this;
    }

    public JournalPdf columns(int columns) {
        this.columns = columns;
        return this;
    }

    public JournalPdf pullQuote(At at, String text) {
        this.pullQuoteAt = at;
        this.pullQuote = text;
        return this;
    }

    public JournalPdf figure(At at, String caption) {
        this.figureAt = at;
        this.caption = caption;
        return this;
    }

    // ---- typesetting ------------------------------------------------------------------------

    private record Run(String text, PDFont font, float size, float rise) {
    }

    private final class Setter implements AutoCloseable {
        final PDDocument doc = new PDDocument();
        final PDFont roman = new PDType1Font(Standard14Fonts.FontName.TIMES_ROMAN);
        final PDFont italic = new PDType1Font(Standard14Fonts.FontName.TIMES_ITALIC);
        final PDFont bold = new PDType1Font(Standard14Fonts.FontName.TIMES_BOLD);
        final PDFont sans = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        final PDFont sansBold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        final PDFont sansOblique = new PDType1Font(Standard14Fonts.FontName.HELVETICA_OBLIQUE);
        final PDFont ligatures;
        PDPageContentStream out;
        int page;
        int column;
        float y;
        final Deque<String[]> notesWaiting = new ArrayDeque<>(); // {number or "", text of one line}

        Setter() throws IOException {
            try (InputStream ttf = PDDocument.class.getResourceAsStream("/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf")) {
                ligatures = PDType0Font.load(doc, ttf);
            }
        }

        @Override
        public void close() throws IOException {
            doc.close();
        }

        float columnWidth() {
            return columns == 1 ? W - 2 * MARGIN : (W - 2 * MARGIN - GUTTER) / 2;
        }

        float columnX() {
            return MARGIN + column * (columnWidth() + GUTTER);
        }

        void newPage() throws IOException {
            if (out != null) {
                finishPage();
            }
            PDPage p = new PDPage(PDRectangle.LETTER);
            doc.addPage(p);
            out = new PDPageContentStream(doc, p);
            page++;
            column = 0;
            y = BODY_TOP;
            draw(List.of(new Run(header, sans, 8, 0)), MARGIN, 40);
            String number = String.valueOf(page);
            draw(List.of(new Run(number, sans, 9, 0)), W / 2 - width(number, sans, 9) / 2, 765);
        }

        /** Sets the footnotes whose markers are on this page, as far as six lines go; the rest runs over. */
        void finishPage() throws IOException {
            if (!notesWaiting.isEmpty()) {
                out.moveTo(MARGIN, H - (NOTES_TOP - 12));
                out.lineTo(MARGIN + 120, H - (NOTES_TOP - 12));
                out.stroke();
                float ny = NOTES_TOP;
                for (int i = 0; i < NOTE_LINES && !notesWaiting.isEmpty(); i++) {
                    String[] line = notesWaiting.removeFirst();
                    List<Run> runs = new ArrayList<>();
                    if (!line[0].isEmpty()) {
                        runs.add(new Run(line[0], roman, 5.5f, 3));
                        runs.add(new Run(" ", roman, NOTE_SIZE, 0));
                    }
                    runs.add(new Run(line[1], roman, NOTE_SIZE, 0));
                    draw(runs, MARGIN, ny);
                    int number = Integer.parseInt(line[2]);
                    footnotePages.computeIfAbsent(number, k -> new int[] {page, page})[1] = page;
                    ny += NOTE_LEADING;
                }
            }
            out.close();
        }

        /** Room for a line of the given height in this column, else the next column or page. */
        void room(float height) throws IOException {
            if (y + height > BODY_BOTTOM) {
                if (columns == 2 && column == 0) {
                    column = 1;
                    y = columnTop;
                } else {
                    newPage();
                    columnTop = BODY_TOP;
                }
            }
        }

        float columnTop = BODY_TOP;

        void draw(List<Run> runs, float x, float top) throws IOException {
            for (Run r : runs) {
                out.beginText();
                out.setFont(r.font(), r.size());
                out.newLineAtOffset(x, H - top + r.rise());
                out.showText(r.text());
                out.endText();
                x += width(r.text(), r.font(), r.size());
            }
        }

        float width(String text, PDFont font, float size) {
            try {
                return font.getStringWidth(text) / 1000 * size;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Wraps plain text of one font into lines of the given width. */
        List<String> wrap(String text, PDFont font, float size, float width) {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (String word : text.split(" ")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (width(candidate, font, size) > width && !line.isEmpty()) {
                    lines.add(line.toString());
                    line = new StringBuilder(word);
                } else {
                    line = new StringBuilder(candidate);
                }
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
            }
            return lines;
        }
    }

    private static final Pattern TOKEN = Pattern.compile("\\^(\\d+)|\\S+");

    private record Word(String text, boolean italic, String marker, boolean breakAfter, String hyphen, String rest) {
        boolean hyphenBreak() {
            return hyphen != null;
        }
    }

    /** Words of a paragraph source with their italics, markers and forced breaks. */
    private static List<Word> words(String source) {
        List<Word> words = new ArrayList<>();
        boolean italic = false;
        Matcher m = TOKEN.matcher(source);
        while (m.find()) {
            if (m.group(1) != null) {
                Word last = words.remove(words.size() - 1);
                words.add(new Word(last.text(), last.italic(), m.group(1), last.breakAfter(), last.hyphen(), last.rest()));
                continue;
            }
            String t = m.group();
            String marker = null;
            Matcher withMarker = Pattern.compile("(.+?)\\^(\\d+)$").matcher(t);
            if (withMarker.matches()) {
                t = withMarker.group(1);
                marker = withMarker.group(2);
            }
            boolean startsItalic = t.startsWith("*");
            if (startsItalic) {
                italic = true;
                t = t.substring(1);
            }
            boolean endsItalic = t.endsWith("*") || t.matches(".*\\*[.,;:!?)]*$");
            String trailing = "";
            if (endsItalic) {
                int star = t.lastIndexOf('*');
                trailing = t.substring(star + 1);
                t = t.substring(0, star);
            }
            boolean wordItalic = italic;
            if (endsItalic) {
                italic = false;
            }
            boolean breakAfter = false;
            if (t.contains("-|")) { // the line ends after the real hyphen; the rest of the word starts the next
                String[] parts = t.split("-\\|", 2);
                words.add(new Word(parts[0] + "-", wordItalic, null, true, null, null));
                t = parts[1];
            }
            if (t.contains("~") || t.contains("¬")) { // a hyphen, or a soft hyphen (U+00AD), at the line end
                String[] parts = t.split("[~¬]", 2);
                words.add(new Word(parts[0], wordItalic, null, false, t.contains("~") ? "-" : "\u00AD", parts[1] + trailing));
                continue;
            }
            words.add(new Word(trailing.isEmpty() ? t : t + "\u0000" + trailing, wordItalic, marker, breakAfter, null, null));
        }
        return words;
    }

    public byte[] render() {
        return render(null);
    }

    /** The PDF, encrypted with a user password when one is given. */
    public byte[] render(String userPassword) {
        try (Setter s = new Setter()) {
            s.newPage();
            // front matter across the page
            float width = W - 2 * MARGIN;
            for (String line : s.wrap(title, s.sansBold, 18, width)) {
                s.draw(List.of(new Run(line, s.sansBold, 18, 0)), MARGIN, s.y);
                s.y += 22;
            }
            if (authors != null) {
                s.y += 4;
                s.draw(List.of(new Run(authors, s.sans, 12, 0), new Run("*", s.sans, 8, 4)), MARGIN, s.y);
                s.y += 22;
            }
            if (abstractText != null) {
                s.draw(List.of(new Run("Abstract", s.bold, 9, 0)), MARGIN, s.y);
                s.y += 12;
                for (String line : s.wrap(abstractText, s.roman, 9, width)) {
                    s.draw(List.of(new Run(line, s.roman, 9, 0)), MARGIN, s.y);
                    s.y += 11.5f;
                }
                s.y += 4;
            }
            if (keywords != null) {
                s.draw(List.of(new Run("Keywords: ", s.bold, 9, 0), new Run(keywords, s.roman, 9, 0)), MARGIN, s.y);
                s.y += 24;
            }
            if (authorNote != null) {
                for (String line : s.wrap("* " + authorNote, s.roman, NOTE_SIZE, width)) {
                    s.notesWaiting.add(new String[] {"", line, "0"});
                }
            }
            s.columnTop = s.y;
            int paragraphIndex = 0;
            for (Section section : sections) {
                boolean first = true;
                if (section.heading() != null) {
                    s.y += 6;
                    s.room(LEADING * 3);
                    s.draw(List.of(new Run(section.heading(), s.bold, 11, 0)), s.columnX(), s.y);
                    s.y += LEADING + 3;
                }
                for (String paragraph : section.paragraphs()) {
                    setParagraph(s, paragraph, first, paragraphIndex);
                    first = false;
                    paragraphIndex++;
                }
            }
            s.finishPage();
            while (!s.notesWaiting.isEmpty()) { // notes still waiting: a last page of notes
                PDPage p = new PDPage(PDRectangle.LETTER);
                s.doc.addPage(p);
                s.out = new PDPageContentStream(s.doc, p);
                s.page++;
                s.finishPage();
            }
            if (userPassword != null) {
                StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-" + userPassword, userPassword, new AccessPermission());
                policy.setEncryptionKeyLength(128);
                s.doc.protect(policy);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            s.doc.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void setParagraph(Setter s, String source, boolean first, int index) throws IOException {
        List<Word> words = new ArrayList<>(words(source));
        int lineNumber = 0;
        boolean indent = !first;
        while (!words.isEmpty()) {
            s.room(LEADING);
            float x0 = s.columnX() + (indent ? INDENT : 0);
            float available = s.columnWidth() - (indent ? INDENT : 0);
            List<Run> runs = new ArrayList<>();
            float used = 0;
            List<String> markers = new ArrayList<>();
            boolean any = false;
            while (!words.isEmpty()) {
                Word w = words.get(0);
                String text = w.text().replace("\u0000", "");
                PDFont font = text.contains("ﬁ") ? s.ligatures : w.italic() ? s.italic : s.roman;
                String[] trailing = w.text().split("\u0000", 2);
                float wordWidth = s.width(text, font, BODY) + (w.hyphenBreak() ? s.width(w.hyphen(), font, BODY) : 0);
                float space = any ? s.width(" ", s.roman, BODY) : 0;
                if (any && used + space + wordWidth > available) {
                    break;
                }
                if (any) {
                    runs.add(new Run(" ", s.roman, BODY, 0));
                }
                if (trailing.length == 2) {
                    runs.add(new Run(trailing[0], font, BODY, 0));
                    runs.add(new Run(trailing[1], s.roman, BODY, 0));
                } else {
                    runs.add(new Run(text + (w.hyphenBreak() ? w.hyphen() : ""), font, BODY, 0));
                }
                used += space + wordWidth;
                if (w.marker() != null) {
                    runs.add(new Run(w.marker(), s.roman, 6.5f, 3.5f));
                    used += s.width(w.marker(), s.roman, 6.5f);
                    markers.add(w.marker());
                }
                any = true;
                words.remove(0);
                if (w.hyphenBreak()) {
                    words.add(0, new Word(w.rest(), w.italic(), null, false, null, null));
                    break;
                }
                if (w.breakAfter()) {
                    break;
                }
            }
            s.draw(runs, x0, s.y);
            paragraphPages.computeIfAbsent(index, k -> new int[] {s.page, s.page})[1] = s.page;
            for (String marker : markers) {
                int number = Integer.parseInt(marker);
                for (String line : s.wrap(footnotes.get(number), s.roman, NOTE_SIZE, W - 2 * MARGIN - 8)) {
                    s.notesWaiting.add(new String[] {s.notesWaiting.stream().anyMatch(n -> n[2].equals(marker)) ? "" : marker, line, marker});
                }
            }
            s.y += LEADING;
            indent = false;
            if (pullQuoteAt != null && pullQuoteAt.paragraph() == index && pullQuoteAt.line() == lineNumber) {
                setPullQuote(s);
            }
            if (figureAt != null && figureAt.paragraph() == index && figureAt.line() == lineNumber) {
                setFigure(s);
            }
            lineNumber++;
        }
    }

    private void setPullQuote(Setter s) throws IOException {
        List<String> lines = s.wrap(pullQuote, s.sansOblique, 13, s.columnWidth() - 30);
        float height = lines.size() * 17 + 16;
        s.room(height);
        float top = s.y + 4;
        s.out.addRect(s.columnX() + 5, H - (top + height - 6), s.columnWidth() - 10, height - 6);
        s.out.stroke();
        float ly = top + 16;
        for (String line : lines) {
            s.draw(List.of(new Run(line, s.sansOblique, 13, 0)), s.columnX() + 15, ly);
            ly += 17;
        }
        s.y = top + height + 8;
    }

    private void setFigure(Setter s) throws IOException {
        List<String> lines = s.wrap(caption, s.sans, 8.5f, s.columnWidth());
        float height = 60 + lines.size() * 11 + 10;
        s.room(height);
        s.out.addRect(s.columnX(), H - (s.y + 60), s.columnWidth(), 56);
        s.out.fill();
        float ly = s.y + 72;
        for (String line : lines) {
            s.draw(List.of(new Run(line, s.sans, 8.5f, 0)), s.columnX(), ly);
            ly += 11;
        }
        s.y = ly + 6;
    }

    /**
     * Writes a long two-column article for the import benchmark: {@code JournalPdf <file> <sections>}; prints the
     * number of pages. Each section has six paragraphs and a footnote.
     */
    public static void main(String[] args) throws IOException {
        JournalPdf pdf = longArticle(Integer.parseInt(args[1]));
        byte[] bytes = pdf.render();
        java.nio.file.Files.write(java.nio.file.Path.of(args[0]), bytes);
        try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(bytes)) {
            System.out.println(doc.getNumberOfPages());
        }
    }

    /** A long two-column article: {@code sections} sections "Part N of the Argument" of six paragraphs, one footnote each. */
    public static JournalPdf longArticle(int sections) {
        JournalPdf pdf = new JournalPdf().columns(2).title("A Long Reading: Neutrality, Non-Alignment and Strategic Autonomy Across Europe")
                .authors("Ann Author and Ben Writer").abstractText("A long article for measuring how fast a journal PDF is imported.")
                .keywords("neutrality, non-alignment, strategic autonomy").authorNote("Written for the import benchmark.");
        for (int s = 1; s <= sections; s++) {
            pdf.section("Part " + s + " of the Argument", longSection(s).toArray(String[]::new));
            pdf.footnote(s, "Note " + s + ": the sources of part " + s + " are listed in the seminar's reading list.");
        }
        return pdf;
    }

    /** The paragraph sources of section {@code s} of {@link #longArticle}. */
    public static List<String> longSection(int s) {
        List<String> paragraphs = new ArrayList<>(List.of(org.seminar.annotator.document.parse.PdfArticleReaderTest.LAW));
        // the autonomy paragraphs without their marker: each section refers to its own note only
        List.of(org.seminar.annotator.document.parse.PdfArticleReaderTest.AUTONOMY).forEach(p -> paragraphs.add(p.replace("^3", "")));
        paragraphs.set(0, paragraphs.get(0) + " Part " + s + " returns to this point.^" + s);
        return paragraphs;
    }

    /** A scan: one page that is only a picture. */
    public static byte[] imageOnly() {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.LETTER);
            doc.addPage(page);
            // grey bars where a scan would show lines of print (drawn pixel by pixel: no font needed on a bare machine)
            BufferedImage image = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < 100; y++) {
                for (int x = 0; x < 200; x++) {
                    image.setRGB(x, y, y % 12 < 7 && x > 10 && x < 190 - (y * 7) % 40 ? 0x555555 : 0xffffff);
                }
            }
            try (PDPageContentStream out = new PDPageContentStream(doc, page)) {
                out.drawImage(LosslessFactory.createFromImage(doc, image), MARGIN, 400, 400, 200);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            doc.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
