package org.seminar.annotator.document.parse;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.filter.Filter;
import org.apache.pdfbox.filter.FilterFactory;

/**
 * What one reading of a PDF has spent against its {@link PdfLimits}: decoded stream bytes, objects, pages,
 * characters and time. A limit once exceeded stays exceeded, so a refusal that the PDF library happens to catch and
 * step over is raised again at the next check.
 *
 * <p>Every stream is decoded here, through a counting sink, before the PDF library decodes it (which it does all at
 * once, in memory): the library then only ever holds what was counted. Images are the exception: their text is not
 * read, so they are not decoded, unless a page uses one as its content or inside a font (then it is decoded and
 * counted like any stream, and one compressed with an image codec is refused).
 */
public final class ReadBudget {

    /** Filters that only images use; the text reader never runs them. */
    private static final Set<COSName> IMAGE_CODECS = Set.of(COSName.DCT_DECODE, COSName.DCT_DECODE_ABBREVIATION, COSName.JPX_DECODE,
            COSName.CCITTFAX_DECODE, COSName.CCITTFAX_DECODE_ABBREVIATION, COSName.JBIG2_DECODE);
    /** How deep the walk from a page's resources to the streams its fonts use goes (Type0 font → CIDFont → descriptor → file is 5). */
    private static final int MAX_DEPTH = 8;
    private static final long MB = 1024 * 1024;

    private final PdfLimits limits;
    private final long start;
    private long deadline;
    /** The wall time allowed, and what for (see {@link #allowTime}). */
    private java.time.Duration allowed;
    private String allowedFor = "";
    private long inflated;
    private long packedObjects;
    private int characters;
    private String exceeded;
    private final Set<COSStream> measured = Collections.newSetFromMap(new IdentityHashMap<>());
    /** Streams left undecoded because they are images. */
    private final Set<COSStream> images = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<COSBase> walked = Collections.newSetFromMap(new IdentityHashMap<>());

    public ReadBudget(PdfLimits limits) {
        this.limits = limits;
        this.start = System.nanoTime();
        this.allowed = limits.maxTime();
        this.deadline = start + allowed.toNanos();
    }

    long inflatedBytes() {
        return inflated;
    }

    /** Throws when a limit was exceeded, the time is up or the reading was cancelled (its thread interrupted). */
    public void check() {
        if (exceeded != null) {
            throw new PdfArticleReader.TooLarge(exceeded);
        }
        if (System.nanoTime() > deadline || Thread.currentThread().isInterrupted()) {
            exceed("the PDF takes longer than " + seconds() + " to read" + allowedFor);
        }
    }

    /**
     * Allows the reading {@code total} wall time from its start instead of {@link PdfLimits#maxTime()}, when that is
     * longer: reading scanned pages with OCR takes seconds a page. {@code why} completes the refusal once it is up.
     */
    void allowTime(java.time.Duration total, String why) {
        if (total.compareTo(allowed) > 0) {
            allowed = total;
            deadline = start + total.toNanos();
            allowedFor = why;
        }
    }

    private String seconds() {
        long millis = allowed.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    private void exceed(String message) {
        if (exceeded == null) {
            exceeded = message;
        }
        throw new PdfArticleReader.TooLarge(exceeded);
    }

    static String count(long n) {
        return String.format(Locale.ENGLISH, "%,d", n);
    }

    private static String atMost(long limit) {
        return count(limit) + (limit == 1 ? " is read" : " are read");
    }

    void requirePages(int pages) {
        if (pages > limits.maxPages()) {
            exceed("the PDF has " + count(pages) + " pages; at most " + atMost(limits.maxPages()));
        }
    }

    void requireObjects(long objects) {
        if (objects > limits.maxObjects()) {
            exceed("the PDF has " + count(objects) + " objects; at most " + atMost(limits.maxObjects()));
        }
    }

    /** Counts the objects an object stream packs, before they are parsed. */
    void countPacked(COSStream objectStream) {
        packedObjects += Math.max(0, objectStream.getInt(COSName.N, 0));
        requireObjects(packedObjects);
    }

    void countCharacters(int n) {
        characters += n;
        if (characters > limits.maxCharacters()) {
            exceed("the PDF has more than " + count(limits.maxCharacters()) + " characters of text; at most "
                    + atMost(limits.maxCharacters()));
        }
    }

    /**
     * Decodes the stream once through a counting sink, unless it is an image; returns the bytes it decodes to. A
     * stream the library cannot decode either is counted as far as it goes: the library then meets the same error.
     */
    long measure(COSStream stream) throws IOException {
        if (!measured.add(stream)) {
            return 0;
        }
        List<COSName> filters = filters(stream);
        if (COSName.IMAGE.equals(stream.getCOSName(COSName.SUBTYPE)) || filters.stream().anyMatch(IMAGE_CODECS::contains)) {
            images.add(stream);
            return 0;
        }
        return decode(stream, filters);
    }

    /**
     * A cross-reference stream, read with the trailer (before decryption, which never applies to it): decoded and
     * counted whatever it was measured as before; returns the bytes it decodes to.
     */
    long measureCrossReference(COSStream stream) throws IOException {
        List<COSName> filters = filters(stream);
        if (filters.stream().anyMatch(IMAGE_CODECS::contains)) {
            throw new PdfArticleReader.Unreadable("is damaged: its cross-reference table is stored compressed as a picture");
        }
        return decode(stream, filters);
    }

    /** A stream the library is about to decode for text (a page's content, a font's data): an image is decoded now. */
    void requireMeasured(COSStream stream) throws IOException {
        measure(stream);
        if (images.remove(stream)) {
            List<COSName> filters = filters(stream);
            if (filters.stream().anyMatch(IMAGE_CODECS::contains)) {
                throw new PdfArticleReader.Unreadable("is damaged: a page's text or fonts are stored compressed as a picture");
            }
            decode(stream, filters);
        }
    }

    /**
     * Makes sure every stream that reading a page's (or form's) text may decode is measured: its content and
     * what its resources lead to (fonts, their files and character maps), except its images and forms (forms are
     * walked when they are drawn).
     */
    void requireMeasured(COSBase contents, COSDictionary resources) throws IOException {
        walk(contents, 0);
        if (resources != null && walked.add(resources)) {
            for (Map.Entry<COSName, COSBase> entry : resources.entrySet()) {
                if (!COSName.XOBJECT.equals(entry.getKey())) {
                    walk(entry.getValue(), 1);
                }
            }
        }
    }

    private void walk(COSBase base, int depth) throws IOException {
        check();
        if (depth > MAX_DEPTH) {
            return;
        }
        COSBase value = base instanceof COSObject reference ? reference.getObject() : base;
        if (value == null || !walked.add(value)) {
            return;
        }
        if (value instanceof COSStream stream) {
            requireMeasured(stream);
        }
        if (value instanceof COSDictionary dictionary) {
            for (Map.Entry<COSName, COSBase> entry : dictionary.entrySet()) {
                COSName key = entry.getKey();
                // a Type3 font's own resources and glyph procedures are not run when reading text; parents lead back up
                if (!key.equals(COSName.RESOURCES) && !key.equals(COSName.CHAR_PROCS) && !key.equals(COSName.PARENT)
                        && !key.equals(COSName.XOBJECT)) {
                    walk(entry.getValue(), depth + 1);
                }
            }
        } else if (value instanceof COSArray array) {
            for (COSBase element : array) {
                walk(element, depth + 1);
            }
        }
    }

    /** The stream's filters, in order. */
    private static List<COSName> filters(COSStream stream) {
        COSBase filters = stream.getFilters();
        List<COSName> names = new ArrayList<>();
        if (filters instanceof COSName name) {
            names.add(name);
        } else if (filters instanceof COSArray array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.getObject(i) instanceof COSName name) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    private long decode(COSStream stream, List<COSName> filters) throws IOException {
        if (filters.isEmpty()) {
            return 0; // stored as it is: no larger than the file
        }
        // as PDFBox applies them: a filter named twice (also as its abbreviation) runs once
        List<Filter> chain = new ArrayList<>();
        for (COSName name : filters) {
            Filter filter;
            try {
                filter = FilterFactory.INSTANCE.getFilter(name);
            } catch (IOException unknown) {
                return 0; // PDFBox cannot decode it either: it decodes to nothing
            }
            if (!chain.contains(filter)) {
                chain.add(filter);
            }
        }
        Counting sink = new Counting();
        InputStream input = stream.createRawInputStream();
        try {
            for (int i = 0; i < chain.size(); i++) {
                Filter filter = chain.get(i);
                boolean last = i == chain.size() - 1;
                // a stage before the last is held (as the library holds it), within what is left of the budget
                Stage stage = last ? null : new Stage();
                try (InputStream in = input) {
                    filter.decode(in, last ? sink : stage, stream, i);
                } catch (IOException e) {
                    // broken data: the library meets the same error when it decodes this stream and deals with it its way
                    if (last) {
                        break;
                    }
                }
                if (!last) {
                    input = stage.asInput();
                }
            }
        } finally {
            input.close();
        }
        return sink.count;
    }

    private void spend(long bytes) {
        long before = inflated;
        inflated += bytes;
        if (inflated > limits.maxInflatedBytes()) {
            exceed("the PDF inflates past " + megabytes(limits.maxInflatedBytes())
                    + " (its compressed contents decode to more than this server reads)");
        }
        if (before >>> 16 != inflated >>> 16) {
            check(); // every 64 KB: the time may be up
        }
    }

    private static String megabytes(long bytes) {
        return bytes % MB == 0 ? bytes / MB + " MB" : count(bytes) + " bytes";
    }

    /** Counts the bytes of a stream's last decoding stage, spending them as they come. */
    private final class Counting extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
            spend(1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
            spend(len);
        }
    }

    /** An intermediate decoding stage, held in memory but never beyond what is left of the budget. */
    private final class Stage extends ByteArrayOutputStream {
        @Override
        public synchronized void write(int b) {
            room(1);
            super.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            room(len);
            super.write(b, off, len);
        }

        private void room(int more) {
            if (inflated + count + more > limits.maxInflatedBytes()) {
                spend(count + more); // exceeds, and says so
            }
            if (count >>> 16 != (count + more) >>> 16) {
                check();
            }
        }

        InputStream asInput() {
            return new ByteArrayInputStream(buf, 0, count);
        }
    }
}
