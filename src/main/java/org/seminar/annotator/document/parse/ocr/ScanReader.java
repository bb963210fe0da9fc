package org.seminar.annotator.document.parse.ocr;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Reads scanned pages with Tesseract: each page is drawn in grey ({@link PageImages}), written to a temporary file and
 * read by a Tesseract process of its own, at most {@link OcrSettings#parallel()} at once, while the next page is drawn.
 * The reading's budget is asked between steps and every {@link #POLL_MILLIS} while a process runs: when its time is up
 * or the import is cancelled, the processes are killed; the temporary files are always deleted.
 */
public final class ScanReader {

    /** What the reading may still spend: {@link #check()} throws once the time is up or the reading was cancelled. */
    public interface Budget {
        void check();
    }

    /** The temporary folder of one reading's page images starts so. */
    static final String FOLDER_PREFIX = "ocr-pages-";
    /** How often a running process is checked on. */
    static final long POLL_MILLIS = 50;
    /** How long a killed process is given to go, before its files are deleted all the same. */
    private static final long KILL_WAIT_MILLIS = 2000;
    private static final int LOG_CHARS = 300;

    private final Tesseract tesseract;

    public ScanReader(Tesseract tesseract) {
        this.tesseract = tesseract;
    }

    private record Running(int number, float dpi, float width, float height, Process process, Path image, Path tsv, Path log) {
    }

    /** The pixels of the images the page holds (as declared, none decoded): a scanned page holds one of millions. */
    public static long imagePixels(org.apache.pdfbox.pdmodel.PDPage page) throws IOException {
        return PageImages.pixels(page);
    }

    /** Reads the pages given by their 0-based index, in that order. */
    public List<OcrPage> read(PDDocument document, List<Integer> pages, Budget budget) {
        List<OcrPage> read = new ArrayList<>();
        Deque<Running> running = new ArrayDeque<>();
        Path folder = null;
        try {
            folder = Files.createTempDirectory(FOLDER_PREFIX);
            PDFRenderer renderer = new PDFRenderer(document);
            for (int index : pages) {
                budget.check();
                int number = index + 1;
                PageImages.requireBounded(document.getPage(index), number);
                float dpi = PageImages.dpi(document.getPage(index));
                Path image = folder.resolve(number + ".pgm");
                BufferedImage drawn = PageImages.render(renderer, index, dpi, image);
                float width = drawn.getWidth() * 72f / dpi;
                float height = drawn.getHeight() * 72f / dpi;
                drawn = null;
                budget.check();
                while (running.size() >= tesseract.settings().parallel()) {
                    read.add(finish(running.getFirst(), budget));
                    running.removeFirst(); // only once finished: until then the finally below kills it
                }
                running.add(new Running(number, dpi, width, height,
                        tesseract.start(image, Math.round(dpi), folder.resolve(number + ".tsv"), folder.resolve(number + ".log")), image,
                        folder.resolve(number + ".tsv"), folder.resolve(number + ".log")));
            }
            while (!running.isEmpty()) {
                read.add(finish(running.getFirst(), budget));
                running.removeFirst();
            }
            return read;
        } catch (IOException e) {
            throw new OcrException("its pages could not be read with OCR (" + e.getMessage() + ")");
        } finally {
            stop(running);
            delete(folder);
        }
    }

    /** Kills the processes and waits until they are gone (a cancelled reading's interrupt is kept for after). */
    private static void stop(Deque<Running> running) {
        running.forEach(r -> r.process().destroyForcibly());
        boolean interrupted = Thread.interrupted();
        try {
            for (Running r : running) {
                r.process().waitFor(KILL_WAIT_MILLIS, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Waits for the page's process, checking the budget meanwhile, and reads its output. */
    private OcrPage finish(Running page, Budget budget) throws IOException {
        while (true) {
            budget.check();
            try {
                if (page.process().waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                    break;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // the process is killed on the way out
                budget.check(); // the cancellation, as the budget words it
                throw new OcrException("the reading was cancelled");
            }
        }
        if (page.process().exitValue() != 0) {
            String log = Files.exists(page.log()) ? Files.readString(page.log(), StandardCharsets.UTF_8).strip() : "";
            throw new OcrException("page " + page.number() + " could not be read with OCR (" + tesseract.settings().command()
                    + " exited with " + page.process().exitValue() + (log.isEmpty() ? "" : ": " + tail(log)) + ")");
        }
        String tsv = Files.readString(page.tsv(), StandardCharsets.UTF_8);
        for (Path done : List.of(page.image(), page.tsv(), page.log())) {
            Files.deleteIfExists(done); // at once: a long scan would otherwise fill the disk with page images
        }
        return TesseractTsv.parse(tsv, page.number(), page.dpi(), page.width(), page.height());
    }

    private static String tail(String log) {
        return log.length() <= LOG_CHARS ? log : "…" + log.substring(log.length() - LOG_CHARS);
    }

    private static void delete(Path folder) {
        if (folder == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            folder.toFile().deleteOnExit(); // a file still open elsewhere: the folder goes when the server stops, if empty by then
        }
    }
}
