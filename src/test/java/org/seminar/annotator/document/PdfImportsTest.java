package org.seminar.annotator.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.runtime.configuration.MemorySize;
import java.lang.reflect.Proxy;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.seminar.annotator.config.AnnotatorConfig;
import org.seminar.annotator.document.parse.PdfArticleReader;
import org.seminar.annotator.document.parse.PdfArticleReaderTest;
import org.seminar.annotator.support.JournalPdf;
import org.seminar.annotator.web.ProblemException;

/**
 * The import threads without the rest of the app: a reading past its time is answered at once and abandoned, its
 * place stays taken until it has really stopped, and an upload while the place is taken is told to retry.
 */
class PdfImportsTest {

    /** The app's configuration with these PDF settings (nothing else is read). */
    private static AnnotatorConfig config(Duration maxTime) {
        Map<String, Object> noOcr = Map.of("enabled", false, "command", "tesseract", "language", "eng", "maxTime", Duration.ofSeconds(120),
                "parallel", 2);
        Object ocr = Proxy.newProxyInstance(PdfImportsTest.class.getClassLoader(), new Class<?>[] {AnnotatorConfig.Pdf.Ocr.class},
                (proxy, method, args) -> noOcr.get(method.getName()));
        Map<String, Object> pdf = Map.of("maxInflated", new MemorySize(BigInteger.valueOf(64L << 20)), "maxPages", 300,
                "maxObjects", 200_000, "maxCharacters", 2_000_000, "maxTime", maxTime, "concurrent", 1, "busyRetryAfter", Duration.ofSeconds(5),
                "ocr", ocr);
        Object settings = Proxy.newProxyInstance(PdfImportsTest.class.getClassLoader(), new Class<?>[] {AnnotatorConfig.Pdf.class},
                (proxy, method, args) -> pdf.get(method.getName()));
        return (AnnotatorConfig) Proxy.newProxyInstance(PdfImportsTest.class.getClassLoader(), new Class<?>[] {AnnotatorConfig.class},
                (proxy, method, args) -> method.getName().equals("pdf") ? settings : null);
    }

    @Test
    void aReadingPastItsTimeIsAnsweredAtOnceAndHoldsItsPlaceUntilItStops() throws Exception {
        PdfImports imports = new PdfImports(config(Duration.ofSeconds(2)));
        byte[] slow = JournalPdf.longArticle(200).render(); // about 125 pages: 5 s of reading or more
        byte[] quick = PdfArticleReaderTest.article(1).render();
        try {
            CountDownLatch starting = new CountDownLatch(1);
            CompletableFuture<Long> first = CompletableFuture.supplyAsync(() -> {
                starting.countDown();
                while (true) {
                    long started = System.nanoTime();
                    try {
                        imports.read(slow);
                        throw new AssertionError("the slow PDF was read within its time");
                    } catch (PdfArticleReader.TooLarge e) {
                        assertEquals("the PDF takes longer than 2 s to read", e.getMessage());
                        return (System.nanoTime() - started) / 1_000_000;
                    } catch (ProblemException busyWithAQuickOne) {
                        assertEquals(503, busyWithAQuickOne.status()); // and try again
                    }
                }
            });
            starting.await();
            // while the slow one is read, the only place is taken
            ProblemException busy = null;
            while (busy == null && !first.isDone()) {
                try {
                    imports.read(quick);
                } catch (ProblemException e) {
                    busy = e;
                } catch (PdfArticleReader.TooLarge slowMachine) {
                    // read, only slowly: the place was free then
                }
            }
            assertNotNull(busy, "a second reading while the first ran was refused");
            assertEquals(503, busy.status());
            assertEquals(5, busy.retryAfterSeconds());
            long millis = first.get();
            assertTrue(millis < 4_000, "answered after " + millis + " ms: the time limit plus the grace at most");
            // the abandoned reading stops at its next check and gives its place back
            boolean read = false;
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!read && System.nanoTime() < deadline) {
                try {
                    assertEquals(PdfArticleReaderTest.TITLE, imports.read(quick).article().title());
                    read = true;
                } catch (ProblemException stillBusy) {
                    assertEquals(503, stillBusy.status());
                } catch (PdfArticleReader.TooLarge slowMachine) {
                    read = true; // read, only slowly: the place was given back
                }
            }
            assertTrue(read, "the place was given back");
        } finally {
            imports.stop();
        }
    }
}
