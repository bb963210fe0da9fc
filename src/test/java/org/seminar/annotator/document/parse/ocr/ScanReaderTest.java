package org.seminar.annotator.document.parse.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import java.io.OutputStream;
import java.util.zip.DeflaterOutputStream;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OCR processes are held to the reading's budget: when it says stop (time up, or the import cancelled), the running
 * processes are killed and the page images deleted. A stand-in for Tesseract that answers the start's questions and then
 * never finishes a page makes that certain; no Tesseract is needed.
 */
class ScanReaderTest {

    private static final Path SCAN = Path.of("src/test/resources/pdf-corpus/22-scan-scotus-tarrant.pdf");
    /** How long the stand-in runs before the budget says the time is up. */
    private static final long RUNNING_MILLIS = 300;

    /** A command that knows the language "eng" and then sleeps (as itself, so that killing it ends it). */
    private static Tesseract stuck(Path folder) throws IOException {
        Path script = folder.resolve("tesseract");
        Files.writeString(script, """
                #!/bin/sh
                case "$1" in
                  --list-langs) echo "List of available languages (1):"; echo eng; exit 0 ;;
                  --version) echo "tesseract stand-in"; exit 0 ;;
                esac
                exec sleep 600
                """);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        Tesseract tesseract = Tesseract.detect(new OcrSettings(true, script.toString(), "eng", Duration.ofSeconds(60), 2));
        assertTrue(tesseract.available(), tesseract.unavailableReason());
        return tesseract;
    }

    private static Set<String> pageFolders() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(ScanReader.FOLDER_PREFIX)).collect(Collectors.toSet());
        }
    }

    /**
     * The stand-in's processes still alive (the stand-in execs {@code sleep}): other children of the test JVM (the test
     * servers' PostgreSQL and Keycloak, when the whole suite runs) are not the reading's.
     */
    private static List<ProcessHandle> stillRunning() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("/sleep")).orElse(false)).toList();
    }

    @Test
    void whenTheTimeIsUpTheRunningProcessesAreKilledAndTheImagesDeleted(@TempDir Path folder) throws Exception {
        Tesseract tesseract = stuck(folder);
        Set<String> before = pageFolders();
        AtomicLong firstSeen = new AtomicLong();
        class TimeUp extends RuntimeException {
        }
        try (PDDocument scan = Loader.loadPDF(SCAN.toFile())) {
            assertThrows(TimeUp.class, () -> new ScanReader(tesseract).read(scan, List.of(0, 1), () -> {
                // the time is up once a process has run for a while
                if (!stillRunning().isEmpty()) {
                    firstSeen.compareAndSet(0, System.nanoTime());
                }
                if (firstSeen.get() != 0 && System.nanoTime() - firstSeen.get() > TimeUnit.MILLISECONDS.toNanos(RUNNING_MILLIS)) {
                    throw new TimeUp();
                }
            }));
        }
        assertEquals(List.of(), stillRunning(), "no OCR process outlives the reading");
        assertEquals(before, pageFolders(), "the page images are deleted");
    }

    @Test
    void aCancelledImportKillsItsProcesses(@TempDir Path folder) throws Exception {
        Tesseract tesseract = stuck(folder);
        Set<String> before = pageFolders();
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<Throwable> reading = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (PDDocument scan = Loader.loadPDF(SCAN.toFile())) {
                new ScanReader(tesseract).read(scan, List.of(0, 1), () -> {
                    if (!stillRunning().isEmpty()) {
                        started.countDown();
                    }
                    if (Thread.currentThread().isInterrupted()) {
                        throw new IllegalStateException("cancelled"); // as the budget does
                    }
                });
                reading.complete(null);
            } catch (Throwable e) {
                reading.complete(e);
            }
        });
        reader.start();
        assertTrue(started.await(60, TimeUnit.SECONDS), "a process was started");
        reader.interrupt();
        Throwable stopped = reading.get(30, TimeUnit.SECONDS);
        assertTrue(stopped instanceof IllegalStateException || stopped instanceof OcrException, "stopped by the cancellation: " + stopped);
        assertEquals(List.of(), stillRunning(), "no OCR process outlives the reading");
        assertEquals(before, pageFolders(), "the page images are deleted");
        assertTrue(new File(folder.toFile(), "tesseract").exists());
    }

    /** A page with one grey image declaring {@code width} × {@code height} pixels whose Flate data inflates to {@code bytes}. */
    private static PDDocument pageWithImage(int width, int height, int bytes) throws IOException {
        PDDocument doc = new PDDocument();
        PDPage page = new PDPage();
        doc.addPage(page);
        COSStream data = doc.getDocument().createCOSStream();
        try (OutputStream raw = data.createRawOutputStream(); DeflaterOutputStream out = new DeflaterOutputStream(raw)) {
            out.write(new byte[bytes]);
        }
        data.setItem(COSName.TYPE, COSName.XOBJECT);
        data.setItem(COSName.SUBTYPE, COSName.IMAGE);
        data.setItem(COSName.FILTER, COSName.FLATE_DECODE);
        data.setInt(COSName.WIDTH, width);
        data.setInt(COSName.HEIGHT, height);
        data.setInt(COSName.BITS_PER_COMPONENT, 8);
        data.setItem(COSName.COLORSPACE, COSName.DEVICEGRAY);
        try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
            content.drawImage(new PDImageXObject(new PDStream(data), null), 0, 0, 612, 792);
        }
        return doc;
    }

    @Test
    void anImageThatInflatesPastItsSizeOrIsHugeIsNotDrawn(@TempDir Path folder) throws Exception {
        Tesseract tesseract = stuck(folder);
        try (PDDocument bomb = pageWithImage(100, 100, 16 << 20)) {
            var e = assertThrows(OcrException.class, () -> new ScanReader(tesseract).read(bomb, List.of(0), () -> { }));
            assertEquals("page 1 holds an image whose data inflates past the 105,536 bytes its size allows; it is not read", e.getMessage());
        }
        try (PDDocument huge = pageWithImage(10_000, 7_000, 1000)) {
            var e = assertThrows(OcrException.class, () -> new ScanReader(tesseract).read(huge, List.of(0), () -> { }));
            assertTrue(e.getMessage().startsWith("page 1 holds images of 70 million pixels; at most 60 million"), e.getMessage());
        }
        assertEquals(List.of(), stillRunning(), "no process was started");
    }
}
