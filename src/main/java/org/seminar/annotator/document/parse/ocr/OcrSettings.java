package org.seminar.annotator.document.parse.ocr;

import java.time.Duration;

/**
 * How scanned pages are read: whether at all, with which Tesseract command and language, within how much time for the
 * whole PDF (reading a scanned page takes seconds, a text page milliseconds), and how many pages at once.
 */
public record OcrSettings(boolean enabled, String command, String language, Duration maxTime, int parallel) {

    public OcrSettings {
        if (command == null || command.isBlank() || language == null || !language.matches("[A-Za-z_+]+") || parallel < 1
                || maxTime.isNegative() || maxTime.isZero()) {
            throw new IllegalArgumentException("OCR settings: a command, a language such as eng, a positive time and at least one page "
                    + "at once; got " + command + ", " + language + ", " + maxTime + ", " + parallel);
        }
    }

    /** OCR as the app has it by default: {@code tesseract}, English, two minutes, two pages at once. */
    public static OcrSettings defaults() {
        return new OcrSettings(true, "tesseract", "eng", Duration.ofSeconds(120), 2);
    }
}
