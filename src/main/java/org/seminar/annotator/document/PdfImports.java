package org.seminar.annotator.document;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;
import org.seminar.annotator.config.AnnotatorConfig;
import org.seminar.annotator.document.parse.ParsedArticle;
import org.seminar.annotator.document.parse.PdfArticleReader;
import org.seminar.annotator.document.parse.PdfLimits;
import org.seminar.annotator.document.parse.ocr.OcrSettings;
import org.seminar.annotator.document.parse.ocr.Tesseract;
import org.seminar.annotator.web.ProblemException;

/**
 * Reads uploaded PDFs on threads of their own, at most {@code annotator.pdf.concurrent} at once, each within
 * {@code annotator.pdf.max-time}: reading a PDF is CPU work of up to seconds, and on the shared request threads a few
 * of them would slow every reader down. An upload while all of them are busy is answered 503 with {@code Retry-After}.
 *
 * <p>A reading past its time is answered 413 at once and cancelled; it stops at its next check (see the reader's
 * budget), and holds its place until it has stopped, so abandoned readings can never pile up. A scanned PDF read with
 * OCR has {@code annotator.pdf.ocr.max-time} instead (its budget says so when it starts OCR); the request waits as long
 * as the longer of the two, so that the reading's own budget, which checks every few milliseconds, is what answers.
 */
@ApplicationScoped
@Startup // finds Tesseract when the server starts, and says in the log whether scans can be read
public class PdfImports {

    private static final Logger LOG = Logger.getLogger(PdfImports.class);
    /** How long past its deadline the request waits for a reading to notice it (it checks every few milliseconds). */
    private static final Duration GRACE = Duration.ofSeconds(1);

    /** Whether scanned PDFs are read (Tesseract was found at the start), and if not, why and how to change that. */
    public Tesseract ocr() {
        return ocr;
    }

    /** An article read, with what reading it cost. */
    public record Read(ParsedArticle article, long millis, long allocatedBytes) {
    }

    private final PdfLimits limits;
    private final Tesseract ocr;
    /** How long a request waits for a reading: the longest a reading may take (a scan's, with OCR), and a moment. */
    private final Duration wait;
    private final Semaphore places;
    private final Duration retryAfter;
    private final ExecutorService readers;

    @Inject
    public PdfImports(AnnotatorConfig config) {
        AnnotatorConfig.Pdf pdf = config.pdf();
        this.limits = new PdfLimits(pdf.maxInflated().asLongValue(), pdf.maxPages(), pdf.maxObjects(), pdf.maxCharacters(), pdf.maxTime());
        AnnotatorConfig.Pdf.Ocr o = pdf.ocr();
        this.ocr = Tesseract.detect(new OcrSettings(o.enabled(), o.command(), o.language(), o.maxTime(), o.parallel()));
        if (ocr.available()) {
            LOG.infof("Scanned PDFs are read with OCR (%s, language %s)", ocr.version(), o.language());
        } else {
            LOG.warnf("Scanned PDFs are refused: %s", ocr.unavailableReason());
        }
        Duration longest = ocr.available() && o.maxTime().compareTo(pdf.maxTime()) > 0 ? o.maxTime() : pdf.maxTime();
        this.wait = longest.plus(GRACE);
        this.places = new Semaphore(pdf.concurrent());
        this.retryAfter = pdf.busyRetryAfter();
        AtomicInteger number = new AtomicInteger();
        this.readers = Executors.newFixedThreadPool(pdf.concurrent(), task -> {
            Thread thread = new Thread(task, "pdf-import-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Reads the PDF on an import thread; throws the reader's {@link PdfArticleReader.Unreadable} or
     * {@link PdfArticleReader.TooLarge}, or a 503 problem when every import thread is busy.
     */
    public Read read(byte[] pdf) {
        if (!places.tryAcquire()) {
            throw ProblemException.unavailable("Busy importing", "Another PDF is being read right now; try again in "
                    + retryAfter.toSeconds() + " s.", retryAfter);
        }
        // whoever claims the reading first releases its place: the reading when it starts, or the request that gives up
        // on a reading that never started (a cancelled task does not run)
        AtomicBoolean claimed = new AtomicBoolean();
        Future<Read> reading;
        try {
            reading = readers.submit(() -> {
                if (!claimed.compareAndSet(false, true)) {
                    return null; // given up before it started; its place is released already
                }
                try {
                    long from = System.nanoTime();
                    long allocatedBefore = allocated();
                    ParsedArticle article = new PdfArticleReader(limits, ocr).read(pdf);
                    return new Read(article, (System.nanoTime() - from) / 1_000_000, allocated() - allocatedBefore);
                } finally {
                    places.release();
                }
            });
        } catch (RuntimeException e) {
            places.release();
            throw e;
        }
        try {
            return reading.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            reading.cancel(true);
            if (claimed.compareAndSet(false, true)) {
                places.release(); // never started, so it will not release its place itself
            }
            LOG.warnf("Abandoned reading a PDF of %d bytes after %s; it keeps its import thread until it stops", pdf.length, wait);
            throw new PdfArticleReader.TooLarge(timeUp());
        } catch (InterruptedException e) {
            reading.cancel(true);
            if (claimed.compareAndSet(false, true)) {
                places.release();
            }
            Thread.currentThread().interrupt();
            throw new PdfArticleReader.TooLarge(timeUp());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private String timeUp() {
        return "the PDF takes longer than " + wait.minus(GRACE).toSeconds() + " s to read";
    }

    private static long allocated() {
        return java.lang.management.ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean bean
                ? bean.getCurrentThreadAllocatedBytes() : 0;
    }

    @PreDestroy
    void stop() {
        readers.shutdownNow();
    }
}
