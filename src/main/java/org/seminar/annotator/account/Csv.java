package org.seminar.annotator.account;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.seminar.annotator.web.ProblemException;

/**
 * Reads RFC 4180 CSV with Apache Commons CSV, the separator (comma, or semicolon as spreadsheets in
 * many locales write it) taken from the header line.
 */
public final class Csv {

    private Csv() {
    }

    /** The records, blank lines left out; a malformed file (an unclosed quote) is a 400 naming the body. */
    public static List<List<String>> parse(String text) {
        String firstLine = text.lines().findFirst().orElse("");
        char separator = count(firstLine, ';') > count(firstLine, ',') ? ';' : ',';
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(separator).setIgnoreEmptyLines(true).get();
        List<List<String>> records = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(text, format)) {
            for (CSVRecord record : parser) {
                records.add(record.toList());
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw ProblemException.badField("body", "is not readable CSV (" + e.getMessage() + ")");
        }
        records.removeIf(r -> r.stream().allMatch(String::isBlank));
        return records;
    }

    private static long count(String s, char c) {
        return s.chars().filter(x -> x == c).count();
    }
}
