package org.seminar.annotator.document.parse.ocr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads Tesseract's TSV output (one row per page, block, paragraph, line and word, boxes in pixels of the image it was
 * given) into an {@link OcrPage} in PDF points: a pixel is {@code 72 / dpi} points.
 *
 * <p>Tesseract gives no font size, only boxes. A line's size is estimated from its words' heights and the letters in
 * them: a word of x-height letters only ("wine") is about {@link #X_HEIGHT} of an em tall, one with ascenders or capitals
 * reaches {@link #ASCENDER}, one with descenders goes {@link #DESCENDER} below the baseline; the median over the line's
 * words is its size. A line of capitals thus gets the size of the same type in lower case, as in a text layer. The
 * estimate scatters by about a tenth from line to line, so a line takes its paragraph's size, and sizes near the page's
 * most common one are that one: a text layer gives every line of a paragraph the same size, and the reader relies on it.
 */
public final class TesseractTsv {

    /** Heights of the parts of a Latin typeface, in ems (Times-like faces; others differ by a tenth or so). */
    static final float X_HEIGHT = 0.46f;
    static final float ASCENDER = 0.70f;
    static final float DESCENDER = 0.21f;
    /**
     * A line whose words the engine is this unsure of on average (0-100) is not text but a picture read as letters
     * (stripes, a photograph, a stamp): it is left out. Real lines of a clean scan average above 90; a word or two with
     * odd punctuation ("“[i]f") falls to 20-40 within a good line, so single words are never dropped for it.
     */
    static final float MIN_LINE_CONFIDENCE = 50;
    /**
     * A line's own size counts when it differs from its paragraph's by more than this share (a heading Tesseract put in
     * the paragraph below it); estimates from one line's few words scatter by about a tenth.
     */
    static final float OWN_SIZE = 0.2f;
    /** Sizes within this share of the page's most common size are that size: the scatter of the estimate, not another type. */
    static final float BODY_SIZE = 0.1f;
    private static final String[] LIGATURES = {"ﬀ", "ff", "ﬁ", "fi", "ﬂ", "fl", "ﬃ", "ffi", "ﬄ", "ffl", "ﬅ", "st", "ﬆ", "st"};
    private static final String ASCENDING = "bdfhiklt0123456789()[]{}/\\|!?%&$#@§¶'\"“”‘’";
    private static final String DESCENDING = "gjpqy()[]{}|,;§";

    private TesseractTsv() {
    }

    /** The page read from {@code tsv}, made at {@code dpi} from a page {@code width} × {@code height} points. */
    public static OcrPage parse(String tsv, int pageNumber, float dpi, float width, float height) {
        float points = 72f / dpi;
        Map<String, List<String[]>> lines = new LinkedHashMap<>();
        for (String row : tsv.split("\r?\n")) {
            String[] cells = row.split("\t", -1);
            if (cells.length < 12 || !cells[0].equals("5")) {
                continue; // the header, and the page, block, paragraph and line rows
            }
            String text = spelledOut(cells[11].strip());
            cells[11] = text;
            float confidence = Float.parseFloat(cells[10]);
            if (text.isEmpty() || confidence < 0) {
                continue;
            }
            lines.computeIfAbsent(cells[1] + "|" + cells[2] + "|" + cells[3] + "|" + cells[4], k -> new ArrayList<>()).add(cells);
        }
        List<List<OcrPage.Word>> kept = new ArrayList<>();
        List<String> paragraphOf = new ArrayList<>();
        for (Map.Entry<String, List<String[]>> line : lines.entrySet()) {
            List<OcrPage.Word> words = new ArrayList<>();
            double confidence = 0;
            for (String[] cells : line.getValue()) {
                float conf = Float.parseFloat(cells[10]);
                confidence += conf;
                words.add(new OcrPage.Word(cells[11].strip(), Float.parseFloat(cells[6]) * points, Float.parseFloat(cells[7]) * points,
                        Float.parseFloat(cells[8]) * points, Float.parseFloat(cells[9]) * points, conf));
            }
            if (confidence / words.size() >= MIN_LINE_CONFIDENCE) {
                kept.add(List.copyOf(words));
                paragraphOf.add(line.getKey().substring(0, line.getKey().lastIndexOf('|')));
            }
        }
        // one size per paragraph (Tesseract's), unless a line differs clearly; then sizes near the page's body size are it
        Map<String, List<OcrPage.Word>> paragraphs = new LinkedHashMap<>();
        for (int i = 0; i < kept.size(); i++) {
            paragraphs.computeIfAbsent(paragraphOf.get(i), k -> new ArrayList<>()).addAll(kept.get(i));
        }
        Map<String, Float> paragraphSize = new LinkedHashMap<>();
        paragraphs.forEach((key, words) -> paragraphSize.put(key, fontSize(words)));
        float[] sizes = new float[kept.size()];
        Map<Float, Integer> wordsBySize = new LinkedHashMap<>();
        for (int i = 0; i < kept.size(); i++) {
            float own = fontSize(kept.get(i));
            float paragraph = paragraphSize.get(paragraphOf.get(i));
            sizes[i] = Math.abs(own - paragraph) > OWN_SIZE * paragraph ? own : paragraph;
            wordsBySize.merge(sizes[i], kept.get(i).size(), Integer::sum);
        }
        float body = wordsBySize.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(0f);
        List<OcrPage.Line> out = new ArrayList<>();
        for (int i = 0; i < kept.size(); i++) {
            float size = Math.abs(sizes[i] - body) <= BODY_SIZE * body ? body : sizes[i];
            out.add(new OcrPage.Line(baseline(kept.get(i), size), size, kept.get(i)));
        }
        return new OcrPage(pageNumber, width, height, List.copyOf(out));
    }

    /** Ligatures as letters ("ﬁ" → "fi"), as the text layer's reader gives them. */
    static String spelledOut(String word) {
        for (int i = 0; i < LIGATURES.length; i += 2) {
            word = word.replace(LIGATURES[i], LIGATURES[i + 1]);
        }
        return word;
    }

    /** The median of the sizes the line's words suggest, in points. */
    static float fontSize(List<OcrPage.Word> words) {
        List<Float> sizes = new ArrayList<>();
        for (OcrPage.Word w : words) {
            sizes.add(w.height() / extent(w.text()));
        }
        sizes.sort(null);
        int n = sizes.size();
        float median = n % 2 == 1 ? sizes.get(n / 2) : (sizes.get(n / 2 - 1) + sizes.get(n / 2)) / 2;
        return Math.round(median * 2) / 2f; // half points: the reader groups sizes so, and OCR boxes are not finer
    }

    /** How many ems from the top of the word's highest letter to the bottom of its lowest. */
    static float extent(String word) {
        boolean up = false;
        boolean down = false;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            up |= Character.isUpperCase(c) || ASCENDING.indexOf(c) >= 0;
            down |= DESCENDING.indexOf(c) >= 0;
        }
        return (up ? ASCENDER : X_HEIGHT) + (down ? DESCENDER : 0);
    }

    /** The line's baseline: the median bottom of its words without descenders, else the lowest bottom less a descender. */
    static float baseline(List<OcrPage.Word> words, float size) {
        List<Float> bottoms = new ArrayList<>();
        float lowest = 0;
        for (OcrPage.Word w : words) {
            float bottom = w.top() + w.height();
            lowest = Math.max(lowest, bottom);
            if (!hasDescender(w.text())) {
                bottoms.add(bottom);
            }
        }
        if (bottoms.isEmpty()) {
            return lowest - DESCENDER * size;
        }
        bottoms.sort(null);
        return bottoms.get(bottoms.size() / 2);
    }

    private static boolean hasDescender(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (DESCENDING.indexOf(word.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }
}
