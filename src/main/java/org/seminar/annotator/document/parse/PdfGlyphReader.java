package org.seminar.annotator.document.parse;

import java.awt.geom.Point2D;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.pdmodel.font.encoding.GlyphList;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDTransparencyGroup;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;

/**
 * The pipeline's first stage: a PDF's text layer read into {@link PageText}s, one fragment per glyph with its size and
 * style, and the horizontal rules each page draws. Every stream it decodes is measured against the {@link ReadBudget}
 * first; a page whose glyphs do not decode (see {@link PdfArticleReader#UNREADABLE_SHARE}) is refused by number.
 * Glyphs set in another direction than most of their page (a vertical stamp in the margin) are left out.
 */
final class PdfGlyphReader {

    /** A drawn line at most this thick (points) and at least {@link #RULE_LENGTH} long is a rule. */
    private static final float RULE_THICKNESS = 1.5f;
    private static final float RULE_LENGTH = 20;
    private static final Map<String, String> LIGATURES = Map.of("ﬀ", "ff", "ﬁ", "fi", "ﬂ", "fl", "ﬃ", "ffi", "ﬄ", "ffl", "ﬅ", "st", "ﬆ", "st");
    /** PDFBox's own list for text extraction: Adobe's glyph names and some more. */
    private static final GlyphList GLYPH_NAMES;

    static {
        try (InputStream additional = GlyphList.class.getResourceAsStream("/org/apache/pdfbox/resources/glyphlist/additional.txt")) {
            GLYPH_NAMES = new GlyphList(GlyphList.getAdobeGlyphList(), additional);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private PdfGlyphReader() {
    }

    /** A page being read: glyphs with their direction, and the counts the text rule needs. */
    private static final class Sheet {
        final int number;
        final float width;
        final float height;
        final List<PageText.Fragment> fragments = new ArrayList<>();
        final List<Integer> directions = new ArrayList<>();
        final List<String> fonts = new ArrayList<>();
        final List<PageText.Rule> rules = new ArrayList<>();
        int shown;
        int undecodable;
        final Set<String> undecodableFonts = new TreeSet<>();

        Sheet(int number, PDPage page) {
            this.number = number;
            this.width = page.getMediaBox().getWidth();
            this.height = page.getMediaBox().getHeight();
        }

        boolean unreadable() {
            return undecodable >= PdfArticleReader.MIN_UNREADABLE && undecodable > PdfArticleReader.UNREADABLE_SHARE * shown;
        }

        PageText page(String bodyFont) {
            Map<Integer, Integer> count = new HashMap<>();
            directions.forEach(d -> count.merge(d, 1, Integer::sum));
            int main = count.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(0);
            List<PageText.Fragment> kept = new ArrayList<>();
            for (int i = 0; i < fragments.size(); i++) {
                if (directions.get(i) == main) {
                    PageText.Fragment f = fragments.get(i);
                    kept.add(fonts.get(i).equals(bodyFont) ? f
                            : new PageText.Fragment(f.text(), f.x(), f.baseline(), f.width(), f.size(), f.style() | PageText.OTHER_FONT));
                }
            }
            return new PageText(number, width, height, kept, rules);
        }
    }

    /** Reads every page's text; throws {@link PdfArticleReader.Unreadable} naming the pages whose text does not decode. */
    static List<PageText> read(PDDocument document, ReadBudget budget) throws IOException {
        List<Sheet> sheets = new ArrayList<>();
        PDFTextStripper collector = new PDFTextStripper() {
            /** Whether the glyph being shown maps to no Unicode (PDFBox then passes its code as the text). */
            private boolean undecodable;
            private Point2D.Float pathStart;

            @Override
            public void processPage(PDPage page) throws IOException {
                budget.requirePages(getCurrentPageNo());
                budget.requireMeasured(page.getCOSObject().getItem(COSName.CONTENTS),
                        page.getResources() == null ? null : page.getResources().getCOSObject());
                super.processPage(page);
            }

            @Override
            protected void startPage(PDPage page) {
                while (sheets.size() < getCurrentPageNo() - 1) { // pages without content are not processed: keep the numbering
                    sheets.add(new Sheet(sheets.size() + 1, page));
                }
                sheets.add(new Sheet(sheets.size() + 1, page));
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
                if (!sheets.isEmpty()) {
                    rule(operator.getName(), operands);
                }
                super.processOperator(operator, operands);
            }

            /** Notes a thin rectangle or a horizontal line segment as a rule. */
            private void rule(String name, List<COSBase> operands) {
                if (operands == null) {
                    return; // an inline image's operator carries none
                }
                float[] n = new float[operands.size()];
                for (int i = 0; i < n.length; i++) {
                    if (!(operands.get(i) instanceof COSNumber number)) {
                        return;
                    }
                    n[i] = number.floatValue();
                }
                Matrix ctm = getGraphicsState().getCurrentTransformationMatrix();
                if (name.equals("re") && n.length == 4) {
                    Point2D.Float a = ctm.transformPoint(n[0], n[1]);
                    Point2D.Float b = ctm.transformPoint(n[0] + n[2], n[1] + n[3]);
                    addRule(a, b);
                } else if (name.equals("m") && n.length == 2) {
                    pathStart = ctm.transformPoint(n[0], n[1]);
                } else if (name.equals("l") && n.length == 2 && pathStart != null) {
                    Point2D.Float end = ctm.transformPoint(n[0], n[1]);
                    addRule(pathStart, end);
                    pathStart = end;
                }
            }

            private void addRule(Point2D.Float a, Point2D.Float b) {
                Sheet sheet = sheets.get(sheets.size() - 1);
                if (Math.abs(a.y - b.y) <= RULE_THICKNESS && Math.abs(a.x - b.x) >= RULE_LENGTH) {
                    sheet.rules.add(new PageText.Rule(Math.min(a.x, b.x), Math.max(a.x, b.x), sheet.height - (a.y + b.y) / 2));
                }
            }

            @Override
            protected void showGlyph(Matrix textRenderingMatrix, PDFont font, int code, Vector displacement) throws IOException {
                Sheet sheet = sheets.get(sheets.size() - 1);
                sheet.shown++;
                // the same lookup PDFBox's extraction makes; without an answer it passes the raw code on as text
                undecodable = font.toUnicode(code, GLYPH_NAMES) == null;
                if (undecodable) {
                    sheet.undecodable++;
                    sheet.undecodableFonts.add(fontName(font));
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
                if (unicode == null || unicode.isEmpty() || sheets.isEmpty()) {
                    return;
                }
                budget.countCharacters(unicode.length());
                Sheet sheet = sheets.get(sheets.size() - 1);
                if (unicode.equals("\t") || unicode.equals("\n") || unicode.equals("\r")) {
                    unicode = " ";
                } else if (undecodable) {
                    unicode = "\uFFFD";
                } else if (!decodes(unicode)) {
                    sheet.undecodable++;
                    sheet.undecodableFonts.add(fontName(t.getFont()));
                    unicode = "\uFFFD";
                }
                unicode = LIGATURES.getOrDefault(unicode, unicode);
                // the vertical scale of the text matrix: the size as drawn (the horizontal one varies with font expansion)
                float size = Math.abs(t.getYScale()) > 0 ? Math.abs(t.getYScale()) : t.getHeightDir();
                sheet.fragments.add(new PageText.Fragment(unicode, t.getXDirAdj(), t.getYDirAdj(), t.getWidthDirAdj(),
                        Math.round(size * 10) / 10f, style(t.getFont())));
                sheet.directions.add(Math.round(t.getDir()));
                sheet.fonts.add(t.getFont() == null ? "" : fontName(t.getFont()));
            }
        };
        collector.setSortByPosition(false);
        collector.getText(document);
        List<Integer> unreadable = new ArrayList<>();
        Set<String> fonts = new TreeSet<>();
        for (Sheet sheet : sheets) {
            if (sheet.unreadable()) {
                unreadable.add(sheet.number);
                fonts.addAll(sheet.undecodableFonts);
            }
        }
        if (!unreadable.isEmpty()) {
            boolean one = unreadable.size() == 1;
            throw new PdfArticleReader.Unreadable(PdfArticleReader.pageRanges(unreadable) + (one ? " uses a font" : " use fonts")
                    + " without a Unicode map" + (fonts.isEmpty() ? "" : " (" + String.join(", ", fonts.stream().limit(3).toList())
                    + (fonts.size() > 3 ? ", …" : "") + ")") + "; " + (one ? "its" : "their") + " text cannot be read. Export the PDF "
                    + "again with Unicode text, or import the article's text instead");
        }
        Map<String, Integer> perFont = new HashMap<>();
        sheets.forEach(sheet -> sheet.fonts.forEach(f -> perFont.merge(f, 1, Integer::sum)));
        String bodyFont = perFont.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("");
        return sheets.stream().map(sheet -> sheet.page(bodyFont)).toList();
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

    /** Bold, italic, small caps and fixed width as the font's name and descriptor say. */
    static int style(PDFont font) {
        if (font == null) {
            return PageText.PLAIN;
        }
        String name = fontName(font);
        String lower = name.toLowerCase(Locale.ROOT);
        PDFontDescriptor d = font.getFontDescriptor();
        boolean bold = lower.contains("bold") || lower.contains("black") || lower.contains("heavy") || lower.contains("semibold")
                || lower.matches(".*(?:cmbx|cmb\\d|-bd|,bd|\\+bd|medi).*|.*\\.bi?$") || d != null && (d.isForceBold() || d.getFontWeight() >= 600);
        boolean italic = lower.contains("italic") || lower.contains("oblique") || lower.matches("cmti\\d.*|.*-it$|.*,it$|.*\\.b?i$")
                || d != null && d.isItalic();
        boolean smallCaps = lower.contains("smallcaps") || lower.matches("cmcsc\\d+|.*(?:[-_.,]sc|sc\\d*|caps)$");
        boolean mono = lower.contains("mono") || lower.contains("courier") || lower.contains("consol") || lower.matches("cmtt\\d+|.*inconsolata.*")
                || d != null && d.isFixedPitch();
        return (bold ? PageText.BOLD : 0) | (italic ? PageText.ITALIC : 0) | (smallCaps ? PageText.SMALL_CAPS : 0)
                | (mono ? PageText.MONOSPACE : 0);
    }
}
