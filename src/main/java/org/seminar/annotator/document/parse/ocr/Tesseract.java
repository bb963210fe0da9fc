package org.seminar.annotator.document.parse.ocr;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Tesseract command as this server found it when it started: able to read scans in the configured language, or
 * not, with the reason and what to do about it. Found once ({@link #detect}); each page is then one process
 * ({@link #start}).
 */
public final class Tesseract {

    /** How long asking Tesseract for its version and languages may take. */
    private static final long DETECT_SECONDS = 20;

    private final OcrSettings settings;
    private final String version;
    private final String unavailable;
    private final boolean orientation;

    private Tesseract(OcrSettings settings, String version, String unavailable, boolean orientation) {
        this.settings = settings;
        this.version = version;
        this.unavailable = unavailable;
        this.orientation = orientation;
    }

    /** OCR that is never available (a reader without it). */
    public static Tesseract none() {
        return new Tesseract(OcrSettings.defaults(), null, "OCR is not set up for this reader", false);
    }

    /** Runs {@code <command> --list-langs} once: the command must exist and know the language. */
    public static Tesseract detect(OcrSettings settings) {
        if (!settings.enabled()) {
            return new Tesseract(settings, null, "OCR is turned off (annotator.pdf.ocr.enabled=false)", false);
        }
        String languages;
        String version;
        try {
            languages = run(settings.command(), "--list-langs");
            version = run(settings.command(), "--version").lines().findFirst().orElse("").strip();
        } catch (IOException e) {
            return new Tesseract(settings, null, "OCR is not available: the command '" + settings.command()
                    + "' (annotator.pdf.ocr.command) was not found or failed (" + e.getMessage() + ")", false);
        }
        List<String> known = languages.lines().map(String::strip).toList();
        if (!known.contains(settings.language())) {
            return new Tesseract(settings, version, "OCR is not available: " + settings.command() + " has no language data for '"
                    + settings.language() + "' (annotator.pdf.ocr.language)", false);
        }
        return new Tesseract(settings, version, null, known.contains("osd"));
    }

    private static String run(String command, String argument) throws IOException {
        Path out = Files.createTempFile("tesseract-", ".txt");
        try {
            // Tesseract 4 writes the language list to stderr, 5 to stdout: read both
            Process process = new ProcessBuilder(command, argument).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            try {
                if (!process.waitFor(DETECT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IOException("no answer within " + DETECT_SECONDS + " s");
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IOException("interrupted");
            }
            if (process.exitValue() != 0) {
                throw new IOException("exit code " + process.exitValue());
            }
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    public boolean available() {
        return unavailable == null;
    }

    public OcrSettings settings() {
        return settings;
    }

    /** "tesseract 5.3.0", or null when the command was not found. */
    public String version() {
        return version;
    }

    /**
     * Why scans cannot be read, and how to make it possible (the Debian packages, the switch); null when they can.
     */
    public String unavailableReason() {
        return unavailable == null ? null : unavailable + ". To read scans, install Tesseract (Debian/Ubuntu: apt-get install "
                + "tesseract-ocr tesseract-ocr-" + settings.language() + ") and keep annotator.pdf.ocr.enabled=true";
    }

    /**
     * Starts reading one page image, drawn at {@code dpi} (a PGM file does not say), into TSV written to {@code tsv}
     * (its messages to {@code log}). Pages are read side by side by separate processes, not by threads within one.
     */
    Process start(Path image, int dpi, Path tsv, Path log) throws IOException {
        if (!available()) {
            throw new IllegalStateException(unavailable);
        }
        // layout analysis with orientation and script detection (1) where its data is installed, else without it (3)
        ProcessBuilder builder = new ProcessBuilder(settings.command(), image.toString(), "-", "-l", settings.language(), "--dpi",
                String.valueOf(dpi), "--psm", orientation ? "1" : "3", "tsv").redirectOutput(tsv.toFile()).redirectError(log.toFile());
        // OpenMP threads inside one Tesseract slow it down several times on a busy machine; parallelism comes from pages
        builder.environment().put("OMP_THREAD_LIMIT", "1");
        return builder.start();
    }
}
