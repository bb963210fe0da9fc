package org.seminar.annotator.document.parse.ocr;

/** A scanned page that OCR could not read, with the reason in words a teacher can act on. */
public final class OcrException extends RuntimeException {
    OcrException(String message) {
        super(message);
    }
}
