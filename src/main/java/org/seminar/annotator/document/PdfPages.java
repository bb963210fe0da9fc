package org.seminar.annotator.document;

import jakarta.enterprise.context.ApplicationScoped;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.seminar.annotator.web.ProblemException;

/**
 * The pages of an imported PDF as images for the review page, drawn on demand with PDFBox and kept in a small cache:
 * the teacher compares what was read with what was printed. One page is drawn at a time, so that a review cannot take
 * more than one core from the readers; a request that waits past {@link #WAIT} is answered 503.
 */
@ApplicationScoped
public class PdfPages {

    /** Resolution of a page image: a letter page becomes 510 x 660 pixels, legible beside the text, 50-150 KB. */
    static final float DPI = 60;
    /** Page images kept in memory (about 100 KB each). */
    static final int CACHED_PAGES = 64;
    /** How long a request waits for the page being drawn before it is told to try again. */
    static final Duration WAIT = Duration.ofSeconds(10);

    private final Semaphore drawing = new Semaphore(1);
    private final Map<String, byte[]> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > CACHED_PAGES;
        }
    };

    /** Page {@code page} (1-based) of the document's PDF as a PNG; 404 when there is no such page or no PDF. */
    public byte[] png(String documentId, int page) {
        String key = documentId + "/" + page;
        synchronized (cache) {
            byte[] cached = cache.get(key);
            if (cached != null) {
                return cached;
            }
        }
        byte[] pdf = bytes(documentId, page);
        try {
            if (!drawing.tryAcquire(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw ProblemException.unavailable("Busy drawing pages", "Another page is being drawn; try again in a moment.",
                        Duration.ofSeconds(2));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProblemException.unavailable("Busy drawing pages", "Try again in a moment.", Duration.ofSeconds(2));
        }
        try (PDDocument document = Loader.loadPDF(pdf)) {
            BufferedImage image = new PDFRenderer(document).renderImageWithDPI(page - 1, DPI, ImageType.RGB);
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            byte[] drawn = png.toByteArray();
            synchronized (cache) {
                cache.put(key, drawn);
            }
            return drawn;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            drawing.release();
        }
    }

    byte[] bytes(String documentId, int page) {
        DocumentPdf pdf = DocumentPdf.findById(documentId);
        if (pdf == null || page < 1 || page > pdf.pages) {
            throw ProblemException.notFound("No page " + page + " in the PDF of document " + documentId);
        }
        return pdf.bytes;
    }

    /** Forgets the drawn pages of a document (deleted). */
    public void forget(String documentId) {
        synchronized (cache) {
            cache.keySet().removeIf(k -> k.startsWith(documentId + "/"));
        }
    }
}
