package org.seminar.annotator.document.parse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.pdmodel.font.encoding.GlyphList;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDTransparencyGroup;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.seminar.annotator.document.parse.ocr.Tesseract;

/**
 * Rebuilds an article's logical structure from a text-based PDF, using what the PDF knows beyond the
 * characters: every glyph's position, size and font.
 *
 * <ol>
 * <li>Glyphs become lines (same baseline, no jump back or across a column gap); raised small digits
 * are footnote markers; ligatures (ﬁ, ﬂ, …) are spelled out.</li>
 * <li>Running headers, footers and page numbers go: lines near the top or bottom edge that repeat on
 * other pages at the same height (digits aside), or that are only a page number.</li>
 * <li>Each page is read column by column: lines in the left half, then the right half, between lines
 * that span both.</li>
 * <li>The body size is the size most characters have. Smaller lines below a column's body text are
 * footnotes (a number starts one; lines before the first number continue the previous page's last
 * note; {@code *} or {@code †} starts the author's note); smaller lines elsewhere are captions, kept
 * as their own paragraphs.</li>
 * <li>Body lines make paragraphs: a paragraph starts after a heading, at an indented line, after a
 * wider gap, or after a short line that ends a sentence; page and column breaks do not end one, and
 * neither does display text set between its lines. A word hyphenated at a line end is joined, a real
 * hyphen is kept (the document spells the word with it, or it follows a prefix such as "non").</li>
 * <li>Short bold or larger lines are headings; larger or set-off text that repeats the body is a pull
 * quote and goes.</li>
 * <li>Front matter: the largest text on the first page is the title; before the first heading come
 * the author line, the abstract ("Abstract") and the keywords ("Keywords:").</li>
 * </ol>
 * Italic and bold runs become emphasis. Each paragraph remembers the page it started on.
 *
 * <p>Reading is bounded by {@link PdfLimits} (decoded bytes, pages, objects, characters, time; see {@link ReadBudget}),
 * and the text layer must decode: glyphs that map to no Unicode (a font without a ToUnicode map and with glyph names
 * no list knows) or to control characters make a page unreadable, see {@link #UNREADABLE_SHARE}.
 */
public final class PdfArticleReader {

    /** A PDF that cannot be imported, with the reason in words a teacher can act on. */
    public static final class Unreadable extends RuntimeException {
        Unreadable(String message) {
            super(message);
        }
    }

    /** A PDF that asks for more than its {@link PdfLimits} allow; the message names the limit. */
    public static final class TooLarge extends RuntimeException {
        public TooLarge(String message) {
            super(message);
        }
    }

    /**
     * A page is unreadable when at least {@link #MIN_UNREADABLE} of its glyphs, and more than this share of them, do
     * not decode. Below that they are stray artefacts (a symbol or two set in a font without a Unicode map): each
     * is kept as U+FFFD, visibly, where it stands, and an admin can correct the paragraph. A page set in such a font
     * has nearly all of its glyphs undecodable, far above either bound.
     */
    static final double UNREADABLE_SHARE = 0.05;
    static final int MIN_UNREADABLE = 10;
    /** PDFBox's own list for text extraction: Adobe's glyph names and some more. */
    private static final GlyphList GLYPH_NAMES;

    static {
        try (InputStream additional = GlyphList.class.getResourceAsStream("/org/apache/pdfbox/resources/glyphlist/additional.txt")) {
            GLYPH_NAMES = new GlyphList(GlyphList.getAdobeGlyphList(), additional);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private final PdfLimits limits;
    private final Tesseract ocr;

    /** A reader without OCR: a scanned PDF is refused. */
    public PdfArticleReader(PdfLimits limits) {
        this(limits, Tesseract.none());
    }

    /** A reader that reads scanned pages with {@code ocr} where it is available (see {@link ScannedPages}). */
    public PdfArticleReader(PdfLimits limits, Tesseract ocr) {
        this.limits = limits;
        this.ocr = ocr;
    }
    private static final Pattern PAGE_NUMBER = Pattern.compile("(?i)^(?:page\\s+)?[-–—]?\\s*\\d{1,4}\\s*[-–—]?$|^[ivxlc]{1,4}$");
    private static final Pattern FOOTNOTE_LABEL = Pattern.compile("^(\\d{1,3})\\s*(\\S.*)$", Pattern.DOTALL);
    private static final Pattern ABSTRACT = Pattern.compile("(?is)^(?:\\*{1,2})?abstract(?:\\*{1,2})?\\s*[:.—–-]?\\s*(?:\\*{1,2})?\\s*(.*)$");
    private static final Pattern KEYWORDS = Pattern.compile("(?is)^(?:\\*{1,2})?key ?words?(?:\\*{1,2})?\\s*[:：]\\s*(?:\\*{1,2})?\\s*(.*)$");
    /** Prefixes written with a hyphen: a line ending after one keeps it. */
    private static final Set<String> HYPHEN_PREFIXES = Set.of("non", "anti", "pro", "post", "pre", "self", "co", "ex", "neo", "quasi",
            "semi", "multi", "inter", "intra", "pan", "sub", "super", "trans", "ultra", "well", "cross", "counter", "mid", "over",
            "under", "all", "half", "cold", "long", "short", "state", "great", "socio", "geo", "euro", "pseudo", "extra");
    private static final Map<String, String> LIGATURES = Map.of("ﬀ", "ff", "ﬁ", "fi", "ﬂ", "fl", "ﬃ", "ffi", "ﬄ", "ffl", "ﬅ", "st", "ﬆ", "st");

    private static final int BOLD = 1;
    private static final int ITALIC = 2;
    private static final int SUP = 4;

    private record Glyph(String text, float x, float y, float width, float size, int style) {
    }

    private enum Column { LEFT, RIGHT, FULL }

    private enum Kind { BODY, SMALL, FOOT, LARGE, FURNITURE, TITLE }

    private static final class Line {
        final int page;
        final List<Glyph> glyphs = new ArrayList<>();
        float baseline;
        float size;
        float x0;
        float x1;
        Column column;
        Kind kind;
        String text;
        /** The styles of {@link #text}'s characters. */
        int[] styles;

        Line(int page) {
            this.page = page;
        }

        boolean all(int style) {
            boolean any = false;
            for (int i = 0; i < text.length(); i++) {
                if (!Character.isWhitespace(text.charAt(i)) && (styles[i] & SUP) == 0) {
                    if ((styles[i] & style) == 0) {
                        return false;
                    }
                    any = true;
                }
            }
            return any;
        }
    }

    private static final class Page {
        final float width;
        final float height;
        final List<Glyph> glyphs = new ArrayList<>();
        /** Glyphs shown, and those of them that do not decode. */
        int shown;
        int undecodable;
        final Set<String> undecodableFonts = new java.util.TreeSet<>();

        Page(float width, float height) {
            this.width = width;
            this.height = height;
        }

        float width() {
            return width;
        }

        float height() {
            return height;
        }

        List<Glyph> glyphs() {
            return glyphs;
        }

        boolean unreadable() {
            return undecodable >= MIN_UNREADABLE && undecodable > UNREADABLE_SHARE * shown;
        }
    }

    // ---- reading the file -----------------------------------------------------------------

    /**
     * Reads the PDF; throws {@link Unreadable} for an encrypted, broken or image-only file or one whose text does not
     * decode, {@link TooLarge} for one beyond the limits.
     */
    public ParsedArticle read(byte[] pdf) {
        if (pdf.length < 8 || !new String(pdf, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-")) {
            throw new Unreadable("is not a PDF (it does not start with %PDF-)");
        }
        String tail = new String(pdf, Math.max(0, pdf.length - 1024), Math.min(1024, pdf.length), StandardCharsets.ISO_8859_1);
        if (!tail.contains("%%EOF")) {
            throw new Unreadable("is cut short: the PDF's end-of-file marker is missing (was the upload interrupted?)");
        }
        ReadBudget budget = new ReadBudget(limits);
        List<Page> pages;
        ScannedPages.Result scans;
        // strict: a lenient parse repairs broken files by decoding what it finds past the budget (see BoundedPdfParser)
        try (PDDocument document = new BoundedPdfParser(pdf, budget).parse(false)) {
            if (document.isEncrypted() && !document.getCurrentAccessPermission().canExtractContent()) {
                throw new Unreadable("is encrypted and does not allow its text to be copied; send an unprotected copy");
            }
            budget.requireObjects(document.getDocument().getXrefTable().size());
            budget.requirePages(document.getNumberOfPages());
            pages = glyphs(document, budget);
            scans = ScannedPages.read(document, letters(pages), ocr, budget);
            scans.pages().forEach((index, scanned) -> pages.set(index, page(scanned)));
        } catch (InvalidPasswordException e) {
            throw new Unreadable("is encrypted with a password; send an unprotected copy");
        } catch (IOException | RuntimeException e) {
            if (e instanceof Unreadable || e instanceof TooLarge) {
                throw (RuntimeException) e;
            }
            budget.check(); // a limit the PDF library stumbled over is the answer, not the library's error
            // a damaged file can make the PDF library fail in many ways: all of them are the file's fault
            throw new Unreadable("is not a readable PDF (" + e.getMessage() + "); if a PDF reader opens it, save or print it as a "
                    + "new PDF and send that");
        }
        budget.check();
        List<Integer> unreadable = new ArrayList<>();
        Set<String> fonts = new java.util.TreeSet<>();
        for (int p = 0; p < pages.size(); p++) {
            if (pages.get(p).unreadable()) {
                unreadable.add(p + 1);
                fonts.addAll(pages.get(p).undecodableFonts);
            }
        }
        if (!unreadable.isEmpty()) {
            boolean one = unreadable.size() == 1;
            throw new Unreadable(pageRanges(unreadable) + (one ? " uses a font" : " use fonts") + " without a Unicode map"
                    + (fonts.isEmpty() ? "" : " (" + String.join(", ", fonts.stream().limit(3).toList()) + (fonts.size() > 3 ? ", …" : "") + ")")
                    + "; " + (one ? "its" : "their") + " text cannot be read. Export the PDF again with Unicode text, or import the "
                    + "article's text instead");
        }
        ParsedArticle article = structure(pages, budget);
        if (!scans.ocr() && scans.notes().isEmpty()) {
            return article;
        }
        List<ParsedArticle.Dropped> dropped = new ArrayList<>(article.dropped());
        dropped.addAll(scans.notes());
        return new ParsedArticle(article.title(), article.authors(), article.abstractText(), article.keywords(), article.authorNote(),
                article.sections(), article.footnotes(), List.copyOf(dropped), article.ocr() || scans.ocr());
    }

    // ---- scanned pages: OCR's words as the glyphs of a text layer ---------------------------

    /** The letters of each page's text layer. */
    private static long[] letters(List<Page> pages) {
        return pages.stream().mapToLong(p -> p.glyphs().stream().filter(g -> Character.isLetter(g.text().codePointAt(0))).count())
                .toArray();
    }

    /**
     * Rebuilds the article from pages of positioned text that came from elsewhere than a PDF's text layer (OCR): the
     * same stages as {@link #read} after the glyphs are read. The budget's time limit applies.
     */
    public static ParsedArticle readPages(List<PageText> pages, ReadBudget budget) {
        List<Page> read = new ArrayList<>();
        for (PageText page : pages) {
            budget.check();
            read.add(page(page));
        }
        ParsedArticle article = structure(read, budget);
        return new ParsedArticle(article.title(), article.authors(), article.abstractText(), article.keywords(), article.authorNote(),
                article.sections(), article.footnotes(), article.dropped(), true);
    }

    /** The first stage's page for positioned text from elsewhere (OCR). */
    private static Page page(PageText page) {
        Page p = new Page(page.width(), page.height());
        for (PageText.Fragment f : page.fragments()) {
            p.glyphs.add(new Glyph(f.text(), f.x(), f.baseline(), f.width(), f.size(), f.style() & (BOLD | ITALIC)));
        }
        return p;
    }

    /** "page 3", "pages 2-5, 9": ascending page numbers with runs compressed. */
    static String pageRanges(List<Integer> pages) {
        StringBuilder text = new StringBuilder(pages.size() == 1 ? "page " : "pages ");
        for (int i = 0; i < pages.size(); i++) {
            int from = pages.get(i);
            int to = from;
            while (i + 1 < pages.size() && pages.get(i + 1) == to + 1) {
                to = pages.get(++i);
            }
            text.append(text.charAt(text.length() - 1) == ' ' ? "" : ", ").append(from).append(to > from ? "-" + to : "");
        }
        return text.toString();
    }

    /** Whether a glyph's text is something a reader could read: no control characters, replacement characters or lone surrogates. */
    private static boolean decodes(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c >= 0x7F && c <= 0x9F || c == '\uFFFD' || c == '\uFFFE' || c == '\uFFFF' || Character.isLowSurrogate(c)) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            }
        }
        return true;
    }

    private static String fontName(PDFont font) {
        String name = font.getName() == null ? "unnamed" : font.getName();
        return name.replaceFirst("^[A-Z]{6}\\+", ""); // a subset's tag
    }

    private static List<Page> glyphs(PDDocument document, ReadBudget budget) throws IOException {
        List<Page> pages = new ArrayList<>();
        PDFTextStripper collector = new PDFTextStripper() {
            /** Whether the glyph being shown maps to no Unicode (PDFBox then passes its code as the text). */
            private boolean undecodable;

            @Override
            public void processPage(PDPage page) throws IOException {
                budget.requirePages(getCurrentPageNo());
                budget.requireMeasured(page.getCOSObject().getItem(COSName.CONTENTS),
                        page.getResources() == null ? null : page.getResources().getCOSObject());
                super.processPage(page);
            }

            @Override
            protected void startPage(PDPage page) {
                while (pages.size() < getCurrentPageNo() - 1) { // pages without content are not processed: keep the numbering
                    pages.add(new Page(page.getMediaBox().getWidth(), page.getMediaBox().getHeight()));
                }
                pages.add(new Page(page.getMediaBox().getWidth(), page.getMediaBox().getHeight()));
            }

            @Override
            public void showForm(PDFormXObject form) throws IOException {
                budget.requireMeasured(form.getCOSObject(), form.getResources() == null ? null : form.getResources().getCOSObject());
                super.showForm(form);
            }

            @Override
            public void showTransparencyGroup(PDTransparencyGroup group) throws IOException {
                budget.requireMeasured(group.getCOSObject(), group.getResources() == null ? null : group.getResources().getCOSObject());
                super.showTransparencyGroup(group);
            }

            @Override
            protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
                budget.check();
                super.processOperator(operator, operands);
            }

            @Override
            protected void showGlyph(Matrix textRenderingMatrix, PDFont font, int code, Vector displacement) throws IOException {
                Page page = pages.get(pages.size() - 1);
                page.shown++;
                // the same lookup PDFBox's extraction makes; without an answer it passes the raw code on as text
                undecodable = font.toUnicode(code, GLYPH_NAMES) == null;
                if (undecodable) {
                    page.undecodable++;
                    page.undecodableFonts.add(fontName(font));
                }
                try {
                    super.showGlyph(textRenderingMatrix, font, code, displacement);
                } finally {
                    undecodable = false;
                }
            }

            @Override
            protected void processTextPosition(TextPosition t) {
                String unicode = t.getUnicode();
                if (unicode == null || unicode.isEmpty() || pages.isEmpty()) {
                    return;
                }
                budget.countCharacters(unicode.length());
                if (unicode.equals("\t") || unicode.equals("\n") || unicode.equals("\r")) {
                    unicode = " ";
                } else if (undecodable) {
                    unicode = "\uFFFD";
                } else if (!decodes(unicode)) {
                    Page page = pages.get(pages.size() - 1);
                    page.undecodable++;
                    page.undecodableFonts.add(fontName(t.getFont()));
                    unicode = "\uFFFD";
                }
                unicode = LIGATURES.getOrDefault(unicode, unicode);
                float size = t.getFontSizeInPt() > 0 ? t.getFontSizeInPt() : t.getHeightDir();
                pages.get(pages.size() - 1).glyphs().add(new Glyph(unicode, t.getXDirAdj(), t.getYDirAdj(), t.getWidthDirAdj(),
                        Math.round(size * 10) / 10f, style(t.getFont())));
            }
        };
        collector.setSortByPosition(false);
        collector.getText(document);
        return pages;
    }

    private static int style(PDFont font) {
        if (font == null) {
            return 0;
        }
        String name = font.getName() == null ? "" : font.getName().toLowerCase(Locale.ROOT);
        PDFontDescriptor d = font.getFontDescriptor();
        boolean bold = name.contains("bold") || name.contains("black") || name.contains("heavy") || name.contains("semibold")
                || d != null && (d.isForceBold() || d.getFontWeight() >= 600);
        boolean italic = name.contains("italic") || name.contains("oblique") || d != null && d.isItalic();
        return (bold ? BOLD : 0) | (italic ? ITALIC : 0);
    }

    // ---- lines ----------------------------------------------------------------------------

    private static List<Line> lines(int pageNumber, Page page) {
        List<Line> lines = new ArrayList<>();
        Line current = null;
        boolean space = false;
        float lastEnd = 0;
        for (Glyph g : page.glyphs()) {
            if (g.text().isBlank()) {
                space = current != null;
                continue;
            }
            boolean sameLine = current != null && Math.abs(g.y() - current.baseline) <= 0.55f * Math.max(current.size, g.size())
                    && g.x() >= lastEnd - 0.5f * current.size && g.x() - lastEnd < 2.5f * current.size;
            if (!sameLine) {
                current = new Line(pageNumber);
                current.baseline = g.y();
                current.size = g.size();
                lines.add(current);
                space = false;
            } else if (space || g.x() - lastEnd > 0.18f * Math.min(g.size(), current.size)) {
                current.glyphs.add(new Glyph(" ", lastEnd, current.baseline, g.x() - lastEnd, current.size, -1));
            }
            if (current.glyphs.isEmpty() || g.size() > current.size + 0.05f) {
                // the line's size and baseline are those of its largest glyphs (a line may start with a raised marker)
                if (g.size() > current.size + 0.05f) {
                    current.size = g.size();
                }
                current.baseline = g.y();
            } else if (Math.abs(g.size() - current.size) <= 0.05f) {
                current.baseline = Math.max(current.baseline, g.y());
            }
            current.glyphs.add(g);
            lastEnd = g.x() + g.width();
            space = false;
        }
        for (Line line : lines) {
            finish(line, page.width());
        }
        return lines;
    }

    private static void finish(Line line, float pageWidth) {
        StringBuilder text = new StringBuilder();
        List<Integer> styles = new ArrayList<>();
        for (Glyph g : line.glyphs) {
            int style = g.style();
            if (style >= 0 && g.size() <= 0.8f * line.size && g.y() < line.baseline - 0.2f * line.size
                    && Character.isDigit(g.text().charAt(0))) {
                style |= SUP;
            }
            text.append(g.text());
            for (int i = 0; i < g.text().length(); i++) {
                styles.add(style < 0 ? -1 : style);
            }
        }
        // a space takes the style its two neighbours share, so "*foreign policy*" stays one run
        for (int i = 0; i < styles.size(); i++) {
            if (styles.get(i) < 0) {
                int before = i > 0 ? styles.get(i - 1) : 0;
                int after = i + 1 < styles.size() ? styles.get(i + 1) : 0;
                styles.set(i, before & after & (BOLD | ITALIC));
            }
        }
        line.text = text.toString();
        line.styles = styles.stream().mapToInt(Integer::intValue).toArray();
        line.x0 = line.glyphs.get(0).x();
        Glyph last = line.glyphs.get(line.glyphs.size() - 1);
        line.x1 = last.x() + last.width();
        float middle = pageWidth / 2;
        float slack = pageWidth * 0.03f;
        line.column = line.x1 <= middle + slack ? Column.LEFT : line.x0 >= middle - slack ? Column.RIGHT : Column.FULL;
    }

    // ---- the whole document ---------------------------------------------------------------

    private static ParsedArticle structure(List<Page> pages, ReadBudget budget) {
        List<Line> all = new ArrayList<>();
        Map<Integer, Page> pageOf = new HashMap<>();
        for (int p = 0; p < pages.size(); p++) {
            budget.check();
            pageOf.put(p + 1, pages.get(p));
            all.addAll(lines(p + 1, pages.get(p)));
        }
        all.removeIf(l -> l.text.isBlank());
        markFurniture(all, pageOf);
        float body = bodySize(all);
        List<Line> ordered = new ArrayList<>();
        for (int p = 1; p <= pages.size(); p++) {
            budget.check();
            int page = p;
            ordered.addAll(readingOrder(all.stream().filter(l -> l.page == page && l.kind != Kind.FURNITURE).toList()));
        }
        classify(ordered, body);
        Layout layout = new Layout(ordered, body, budget);
        return layout.article();
    }

    /** Lines near the top or bottom edge that repeat on other pages at the same height, digits aside, or are a page number. */
    private static void markFurniture(List<Line> lines, Map<Integer, Page> pages) {
        Set<Line> outermost = new HashSet<>();
        lines.stream().collect(Collectors.groupingBy(l -> l.page)).values().forEach(onPage -> {
            List<Line> sorted = onPage.stream().sorted(Comparator.comparingDouble(l -> l.baseline)).toList();
            List<Float> heights = sorted.stream().map(l -> l.baseline).distinct().toList();
            Set<Float> edges = new HashSet<>(heights.subList(0, Math.min(2, heights.size())));
            edges.addAll(heights.subList(Math.max(0, heights.size() - 2), heights.size()));
            sorted.stream().filter(l -> edges.contains(l.baseline)).forEach(outermost::add);
        });
        lines = lines.stream().filter(outermost::contains).toList();
        Map<String, Set<Integer>> pagesByKey = new HashMap<>();
        for (Line l : lines) {
            if (nearEdge(l, pages.get(l.page))) {
                pagesByKey.computeIfAbsent(furnitureKey(l), k -> new HashSet<>()).add(l.page);
            }
        }
        for (Line l : lines) {
            if (nearEdge(l, pages.get(l.page)) && (pagesByKey.get(furnitureKey(l)).size() >= 2
                    || PAGE_NUMBER.matcher(l.text.strip()).matches())) {
                l.kind = Kind.FURNITURE;
            }
        }
    }

    private static boolean nearEdge(Line l, Page page) {
        return l.baseline < page.height() * 0.1f || l.baseline > page.height() * 0.92f;
    }

    private static String furnitureKey(Line l) {
        return Math.round(l.baseline / 6) + "|" + l.text.strip().toLowerCase(Locale.ROOT).replaceAll("\\d+", "#").replaceAll("\\s+", " ");
    }

    /** The size most characters are set in. */
    private static float bodySize(List<Line> lines) {
        Map<Float, Integer> chars = new HashMap<>();
        for (Line l : lines) {
            if (l.kind != Kind.FURNITURE) {
                chars.merge(Math.round(l.size * 2) / 2f, l.text.length(), Integer::sum);
            }
        }
        return chars.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(10f);
    }

    /** Top to bottom; between lines spanning the page, the left column before the right. */
    private static List<Line> readingOrder(List<Line> page) {
        List<Line> byHeight = new ArrayList<>(page);
        byHeight.sort(Comparator.comparingDouble((Line l) -> l.baseline).thenComparingDouble(l -> l.x0));
        List<Line> ordered = new ArrayList<>();
        List<Line> left = new ArrayList<>();
        List<Line> right = new ArrayList<>();
        for (Line l : byHeight) {
            if (l.column == Column.FULL) {
                ordered.addAll(left);
                ordered.addAll(right);
                left.clear();
                right.clear();
                ordered.add(l);
            } else {
                (l.column == Column.LEFT ? left : right).add(l);
            }
        }
        ordered.addAll(left);
        ordered.addAll(right);
        return ordered;
    }

    /** Body, title, larger, footnote (smaller, below the column's body text) or smaller elsewhere (captions). */
    private static void classify(List<Line> lines, float body) {
        Map<String, Float> lowestBody = new HashMap<>();
        for (Line l : lines) {
            if (Math.abs(l.size - body) <= body * 0.1f) {
                // a line across the page is below both columns' text; every body line is below the page's spanning text
                for (Column c : l.column == Column.FULL ? List.of(Column.LEFT, Column.RIGHT, Column.FULL) : List.of(l.column, Column.FULL)) {
                    lowestBody.merge(l.page + "|" + c, l.baseline, Math::max);
                }
            }
        }
        float largestOnFirst = (float) lines.stream().filter(l -> l.page == 1).mapToDouble(l -> l.size).max().orElse(body);
        boolean bodySeen = false;
        for (Line l : lines) {
            if (l.size < body * 0.95f) {
                Float lowest = lowestBody.get(l.page + "|" + l.column);
                l.kind = lowest == null || l.baseline > lowest ? Kind.FOOT : Kind.SMALL;
            } else if (l.page == 1 && !bodySeen && largestOnFirst > body * 1.15f && l.size >= largestOnFirst - 0.05f) {
                l.kind = Kind.TITLE;
            } else if (l.size > body * 1.1f) {
                l.kind = Kind.LARGE;
            } else {
                l.kind = Kind.BODY;
                bodySeen = true;
            }
        }
        // above the title on the first page: the journal's masthead, not the article
        lines.stream().filter(l -> l.kind == Kind.TITLE).findFirst().ifPresent(first -> lines.stream()
                .filter(l -> l.page == 1 && l.baseline < first.baseline - first.size && l.kind != Kind.TITLE)
                .forEach(l -> l.kind = Kind.FURNITURE));
    }

    // ---- blocks, paragraphs, footnotes ------------------------------------------------------

    /** Styled text being assembled from lines. */
    private static final class Styled {
        final StringBuilder text = new StringBuilder();
        final List<Integer> styles = new ArrayList<>();

        void append(String s, int[] st, int from) {
            text.append(s, from, s.length());
            for (int i = from; i < s.length(); i++) {
                styles.add(st[i]);
            }
        }

        void appendSpace() {
            int before = styles.isEmpty() ? 0 : styles.get(styles.size() - 1);
            text.append(' ');
            styles.add(before & (BOLD | ITALIC));
        }

        void dropLast() {
            text.setLength(text.length() - 1);
            styles.remove(styles.size() - 1);
        }

        boolean isEmpty() {
            return text.isEmpty();
        }

        /** The text with {@code **strong**}, {@code *em*} and superscript footnote markers, as {@link InlineText#parse} reads it. */
        String markup(int dropStyle) {
            StringBuilder out = new StringBuilder();
            String s = text.toString();
            int i = 0;
            while (i < s.length()) {
                int style = styles.get(i) & ~dropStyle;
                if ((style & SUP) != 0) {
                    out.append(superscript(s.charAt(i)));
                    i++;
                    continue;
                }
                int wrap = (style & BOLD) != 0 ? BOLD : (style & ITALIC) != 0 ? ITALIC : 0;
                int j = i;
                while (j < s.length() && (styles.get(j) & ~dropStyle & SUP) == 0 && wrapOf(styles.get(j) & ~dropStyle) == wrap) {
                    j++;
                }
                String run = s.substring(i, j);
                if (wrap == 0 || run.isBlank()) {
                    out.append(run);
                } else {
                    String mark = wrap == BOLD ? "**" : "*";
                    String core = run.strip();
                    int lead = run.indexOf(core);
                    out.append(run, 0, lead).append(mark).append(core).append(mark).append(run.substring(lead + core.length()));
                }
                i = j;
            }
            return out.toString().replace("\u00AD", "").replace('\u00A0', ' ').replaceAll("[ \\t]+", " ").strip();
        }

        private static int wrapOf(int style) {
            return (style & BOLD) != 0 ? BOLD : (style & ITALIC) != 0 ? ITALIC : 0;
        }

        /** The style every letter shares (so it is not marked as emphasis inside the block). */
        int common() {
            int common = BOLD | ITALIC;
            for (int i = 0; i < text.length(); i++) {
                if (Character.isLetter(text.charAt(i))) {
                    common &= styles.get(i);
                }
            }
            return common;
        }
    }

    private static char superscript(char digit) {
        return "⁰¹²³⁴⁵⁶⁷⁸⁹".charAt(digit - '0');
    }

    /** The pages read as one stream of lines, assembled into the article. */
    private static final class Layout {
        final List<Line> lines;
        final float body;
        final Set<String> hyphenatedWords = new HashSet<>();
        final Set<String> words = new HashSet<>();
        final Map<String, float[]> columnEdges = new HashMap<>();
        final ReadBudget budget;

        Layout(List<Line> lines, float body, ReadBudget budget) {
            this.lines = lines;
            this.body = body;
            this.budget = budget;
            Pattern word = Pattern.compile("\\p{L}+(?:-\\p{L}+)*");
            for (Line l : lines) {
                String inner = l.text.endsWith("-") ? l.text.substring(0, l.text.lastIndexOf(' ') + 1) : l.text;
                Matcher m = word.matcher(inner.toLowerCase(Locale.ROOT));
                while (m.find()) {
                    (m.group().contains("-") ? hyphenatedWords : words).add(m.group());
                }
                if (l.kind == Kind.BODY) {
                    columnEdges.merge(l.page + "|" + l.column, new float[] {l.x0, l.x1},
                            (a, b) -> new float[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
                }
            }
        }

        private record Block(String kind, Styled text, int page, List<Line> lines) {
        }

        ParsedArticle article() {
            List<Line> titleLines = lines.stream().filter(l -> l.kind == Kind.TITLE).toList();
            String title = titleLines.stream().map(l -> l.text.strip()).collect(Collectors.joining(" ")).replaceAll("\\s+", " ");
            List<Block> blocks = blocks();
            if (title.isEmpty() && !blocks.isEmpty()) {
                title = blocks.remove(0).text().text.toString().strip();
            }
            List<ParsedArticle.Footnote> footnotes = new ArrayList<>();
            InlineText authorNote = footnotes(footnotes);

            // front matter, on the first page: the author line, the abstract, the keywords
            List<String> authors = new ArrayList<>();
            List<String> abstractParts = new ArrayList<>();
            List<String> keywords = List.of();
            int consumed = 0;
            boolean labelsFollow = blocks.stream().limit(5).filter(b -> b.page() == 1)
                    .anyMatch(b -> ABSTRACT.matcher(plain(b)).matches() || KEYWORDS.matcher(plain(b)).matches());
            if (!blocks.isEmpty() && blocks.get(0).page() == 1 && !blocks.get(0).kind().equals("heading")
                    && looksLikeAuthors(plain(blocks.get(0))) && (labelsFollow || blocks.get(0).kind().equals("caption"))) {
                for (String name : plain(blocks.get(0)).split("\\s*(?:,|\\band\\b|&)\\s*")) {
                    String clean = name.replaceAll("[*†‡⁰¹²³⁴⁵⁶⁷⁸⁹]+$", "").strip();
                    if (!clean.isEmpty()) {
                        authors.add(clean);
                    }
                }
                consumed = 1;
            }
            boolean labelOnly = false;
            while (consumed < blocks.size() && blocks.get(consumed).page() == 1) {
                String text = plain(blocks.get(consumed));
                Matcher k = KEYWORDS.matcher(text);
                Matcher a = ABSTRACT.matcher(text);
                if (k.matches()) {
                    keywords = java.util.Arrays.stream(k.group(1).split("[,;]")).map(String::strip).filter(w -> !w.isEmpty()).toList();
                    labelOnly = false;
                } else if (a.matches()) {
                    labelOnly = a.group(1).isBlank();
                    if (!labelOnly) {
                        abstractParts.add(a.group(1).strip());
                    }
                } else if (labelOnly) {
                    abstractParts.add(text);
                    labelOnly = false;
                } else {
                    break;
                }
                consumed++;
            }
            List<Block> rest = blocks.subList(consumed, blocks.size());
            return new ParsedArticle(title, List.copyOf(authors), abstractParts.isEmpty() ? null : String.join("\n\n", abstractParts),
                    keywords, authorNote, sections(rest), footnotes);
        }

        private static String plain(Block b) {
            return b.text().text.toString().replaceAll("\\s+", " ").strip();
        }

        private static boolean looksLikeAuthors(String text) {
            return text.length() <= 120 && !text.matches(".*[.!?:]$") && text.split("\\s+").length <= 16
                    && !ABSTRACT.matcher(text).matches() && !KEYWORDS.matcher(text).matches();
        }

        private List<ParsedArticle.Section> sections(List<Block> blocks) {
            List<ParsedArticle.Section> sections = new ArrayList<>();
            String heading = null;
            List<InlineText> paragraphs = new ArrayList<>();
            List<Integer> pages = new ArrayList<>();
            for (Block b : blocks) {
                if (b.kind().equals("heading")) {
                    if (heading != null || !paragraphs.isEmpty()) {
                        sections.add(new ParsedArticle.Section(heading, paragraphs, pages));
                    }
                    heading = plain(b);
                    paragraphs = new ArrayList<>();
                    pages = new ArrayList<>();
                } else {
                    String markup = b.text().markup(b.text().common());
                    if (!markup.isBlank()) {
                        paragraphs.add(InlineText.parse(markup, true));
                        pages.add(b.page());
                    }
                }
            }
            if (heading != null || !paragraphs.isEmpty()) {
                sections.add(new ParsedArticle.Section(heading, paragraphs, pages));
            }
            return sections;
        }

        /**
         * Body paragraphs, headings and captions in reading order, display text that repeats the body dropped. A body
         * paragraph interrupted by display text, a caption, a column or a page goes on where the body goes on.
         */
        private List<Block> blocks() {
            List<Block> blocks = new ArrayList<>();
            Block paragraph = null;
            Line previousBody = null;
            boolean interrupted = false;
            List<Block> heldBack = new ArrayList<>(); // captions met inside a paragraph: after it
            int i = 0;
            while (i < lines.size()) {
                budget.check();
                Line l = lines.get(i);
                if (l.kind == Kind.TITLE || l.kind == Kind.FOOT || l.kind == Kind.FURNITURE) {
                    i++;
                    continue;
                }
                // a run of lines set alike: heading, display text or caption
                if (l.kind != Kind.BODY || isBoldAlone(i)) {
                    int j = i + 1;
                    while (j < lines.size() && lines.get(j).kind == l.kind && sameStyle(lines.get(j), l)
                            && lines.get(j).baseline - lines.get(j - 1).baseline < 1.6f * l.size
                            && lines.get(j).page == l.page && (l.kind != Kind.BODY || isBoldAlone(j))) {
                        j++;
                    }
                    List<Line> run = lines.subList(i, j);
                    Styled text = join(run);
                    String plain = text.text.toString().replaceAll("\\s+", " ").strip();
                    if (ArticleParser.looksLikePrintedHeading(plain) && run.size() <= 3
                            && (l.kind == Kind.BODY && l.all(BOLD) || l.kind == Kind.LARGE && (l.all(BOLD) || l.size >= 1.3f * body))) {
                        flush(blocks, paragraph, heldBack);
                        paragraph = null;
                        heldBack.clear();
                        blocks.add(new Block("heading", text, l.page, run));
                        previousBody = null;
                    } else if (l.kind != Kind.BODY && repeatsBody(plain, run)) {
                        interrupted = true; // a pull quote: dropped
                    } else if (l.kind == Kind.SMALL || l.kind == Kind.LARGE) {
                        Block caption = new Block("caption", text, l.page, run);
                        if (paragraph != null) {
                            heldBack.add(caption);
                            interrupted = true;
                        } else {
                            blocks.add(caption);
                        }
                    } else {
                        // bold body text that is not a heading: an ordinary paragraph
                        flush(blocks, paragraph, heldBack);
                        heldBack.clear();
                        paragraph = new Block("paragraph", text, l.page, new ArrayList<>(run));
                        previousBody = run.get(run.size() - 1);
                    }
                    i = j;
                    continue;
                }
                boolean setOff = isSetOff(l);
                if (setOff && i + 1 < lines.size()) {
                    // an inset italic passage that repeats the body (a boxed quote at body size)
                    int j = i;
                    while (j < lines.size() && lines.get(j).kind == Kind.BODY && isSetOff(lines.get(j))) {
                        j++;
                    }
                    String plain = join(lines.subList(i, j)).text.toString().replaceAll("\\s+", " ").strip();
                    if (repeatsBody(plain, lines.subList(i, j))) {
                        interrupted = true;
                        i = j;
                        continue;
                    }
                }
                if (paragraph == null || startsParagraph(previousBody, l, interrupted)) {
                    flush(blocks, paragraph, heldBack);
                    heldBack.clear();
                    paragraph = new Block("paragraph", new Styled(), l.page, new ArrayList<>());
                }
                appendLine(paragraph.text(), l);
                paragraph.lines().add(l);
                previousBody = l;
                interrupted = false;
                i++;
            }
            flush(blocks, paragraph, heldBack);
            return blocks;
        }

        private static void flush(List<Block> blocks, Block paragraph, List<Block> heldBack) {
            if (paragraph != null && !paragraph.text().isEmpty()) {
                blocks.add(paragraph);
            }
            blocks.addAll(heldBack);
        }

        /** A body-size line all in bold with a gap or the page's edge around it: a candidate heading. */
        private boolean isBoldAlone(int i) {
            Line l = lines.get(i);
            return l.kind == Kind.BODY && l.all(BOLD) && l.text.strip().length() <= 100;
        }

        private static boolean sameStyle(Line a, Line b) {
            return Math.abs(a.size - b.size) < 0.3f && a.all(BOLD) == b.all(BOLD) && a.all(ITALIC) == b.all(ITALIC);
        }

        /** Italic body text inset on both sides within its column. */
        private boolean isSetOff(Line l) {
            float[] edges = columnEdges.get(l.page + "|" + l.column);
            return edges != null && l.all(ITALIC) && l.x0 > edges[0] + 1.5f * l.size && l.x1 < edges[1] - 1.5f * l.size;
        }

        /** Text that repeats a passage of the body (at least six words) elsewhere is display text. */
        private boolean repeatsBody(String plain, List<Line> run) {
            String mine = ArticleParser.comparable(plain);
            if (mine.split(" ").length < 6) {
                return false;
            }
            if (bodyText == null) {
                Styled all = new Styled();
                lines.stream().filter(l -> l.kind == Kind.BODY).forEach(l -> appendLine(all, l));
                bodyText = ArticleParser.comparable(all.text.toString());
            }
            int first = bodyText.indexOf(mine);
            boolean itselfBody = run.get(0).kind == Kind.BODY;
            return first >= 0 && (!itselfBody || bodyText.indexOf(mine, first + 1) >= 0);
        }

        private String bodyText;

        private boolean startsParagraph(Line previous, Line l, boolean interrupted) {
            if (previous == null) {
                return true;
            }
            float[] edges = columnEdges.get(l.page + "|" + l.column);
            if (edges != null && l.x0 > edges[0] + 0.6f * l.size) {
                return true; // indented
            }
            boolean sameColumn = previous.page == l.page && previous.column == l.column;
            if (sameColumn && !interrupted && l.baseline - previous.baseline > 1.65f * l.size) {
                return true; // a wider gap
            }
            float[] previousEdges = columnEdges.get(previous.page + "|" + previous.column);
            StringBuilder t = new StringBuilder();
            for (int k = 0; k < previous.text.length(); k++) {
                if ((previous.styles[k] & SUP) == 0) {
                    t.append(previous.text.charAt(k));
                }
            }
            String end = t.toString().strip().replaceAll("[\"”’')\\]]+$", "");
            boolean endsSentence = !end.isEmpty() && ".!?:".indexOf(end.charAt(end.length() - 1)) >= 0;
            return previousEdges != null && endsSentence && previous.x1 < previousEdges[1] - 0.3f * (previousEdges[1] - previousEdges[0]);
        }

        private Styled join(List<Line> run) {
            Styled s = new Styled();
            run.forEach(l -> appendLine(s, l));
            return s;
        }

        /** Appends a line to a paragraph: a word hyphenated at the line end is joined, a real hyphen kept. */
        private void appendLine(Styled s, Line l) {
            String text = l.text.strip();
            int from = l.text.indexOf(text);
            if (s.isEmpty()) {
                s.append(l.text.substring(0, from + text.length()), l.styles, from);
                return;
            }
            String sofar = s.text.toString();
            char last = sofar.charAt(sofar.length() - 1);
            if (last == '\u00AD') {
                s.dropLast();
            } else if (last == '-' && sofar.length() > 1 && Character.isLetter(sofar.charAt(sofar.length() - 2))
                    && !text.isEmpty() && Character.isLowerCase(text.charAt(0))) {
                String before = sofar.substring(sofar.lastIndexOf(' ') + 1, sofar.length() - 1).replaceAll("^\\P{L}+", "");
                String after = text.split("[\\s\\p{Punct}&&[^-]]", 2)[0];
                if (!keepsHyphen(before, after)) {
                    s.dropLast();
                }
            } else {
                s.appendSpace();
            }
            s.append(l.text.substring(0, from + text.length()), l.styles, from);
        }

        private boolean keepsHyphen(String before, String after) {
            String lower = before.toLowerCase(Locale.ROOT);
            String joinedWithHyphen = (lower + "-" + after).toLowerCase(Locale.ROOT);
            if (hyphenatedWords.contains(joinedWithHyphen) || hyphenatedWords.stream().anyMatch(w -> w.contains(joinedWithHyphen))) {
                return true;
            }
            if (words.contains((lower + after).toLowerCase(Locale.ROOT))) {
                return false;
            }
            String lastPart = lower.substring(lower.lastIndexOf('-') + 1);
            return HYPHEN_PREFIXES.contains(lastPart) || before.contains("-") || !before.isEmpty() && Character.isUpperCase(before.charAt(0))
                    && before.length() > 1 && Character.isUpperCase(before.charAt(before.length() - 1));
        }

        /** Footnotes from the lines below the body text; returns the author's note, if any. */
        private InlineText footnotes(List<ParsedArticle.Footnote> out) {
            List<String> labels = new ArrayList<>();
            List<Styled> notes = new ArrayList<>();
            Styled authorNote = null;
            Styled current = null;
            for (Line l : lines) {
                if (l.kind != Kind.FOOT) {
                    continue;
                }
                String text = l.text.strip();
                int from = l.text.indexOf(text);
                int labelEnd = from;
                while (labelEnd < l.text.length() && Character.isDigit(l.text.charAt(labelEnd))) {
                    labelEnd++;
                }
                boolean raisedLabel = labelEnd > from && (l.styles[from] & SUP) != 0;
                Matcher m = FOOTNOTE_LABEL.matcher(text);
                boolean numbered = labelEnd > from && (raisedLabel || m.matches() && labelEnd < l.text.length()
                        && Character.isWhitespace(l.text.charAt(labelEnd)));
                if (numbered && isNextLabel(labels, l.text.substring(from, labelEnd))) {
                    labels.add(l.text.substring(from, labelEnd));
                    current = new Styled();
                    notes.add(current);
                    int start = labelEnd;
                    while (start < l.text.length() && Character.isWhitespace(l.text.charAt(start))) {
                        start++;
                    }
                    current.append(l.text.substring(0, from + text.length()), l.styles, start);
                } else if (text.startsWith("*") || text.startsWith("†")) {
                    authorNote = new Styled();
                    current = authorNote;
                    int start = from + 1;
                    while (start < l.text.length() && Character.isWhitespace(l.text.charAt(start))) {
                        start++;
                    }
                    current.append(l.text.substring(0, from + text.length()), l.styles, start);
                } else if (current != null) {
                    appendLine(current, l);
                }
            }
            for (int n = 0; n < notes.size(); n++) {
                out.add(new ParsedArticle.Footnote(labels.get(n), InlineText.parse(notes.get(n).markup(SUP | notes.get(n).common()), false)));
            }
            return authorNote == null ? null : InlineText.parse(authorNote.markup(SUP | authorNote.common()), false);
        }

        /** Footnotes are numbered in order: a number that is not the next one is text of the current note. */
        private static boolean isNextLabel(List<String> labels, String label) {
            if (label.length() > 3) {
                return false;
            }
            int expected = labels.isEmpty() ? -1 : Integer.parseInt(labels.get(labels.size() - 1)) + 1;
            return expected < 0 ? label.length() <= 3 : Integer.parseInt(label) == expected;
        }
    }
}
