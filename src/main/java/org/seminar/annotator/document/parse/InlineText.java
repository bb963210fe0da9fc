package org.seminar.annotator.document.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A run of text with its inline structure taken out of the characters: {@code text} is what a
 * reader sees (and what annotation offsets count, in UTF-16 units), {@code marks} are emphasis and
 * links over ranges of it, {@code refs} are footnote markers at positions in it.
 */
public record InlineText(String text, List<Mark> marks, List<Ref> refs) {

    /** Emphasis ({@code em}, {@code strong}) or a link ({@code link} with {@code href}) over [start, end). */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record Mark(String type, int start, int end, String href) {
    }

    /** A footnote marker with the footnote's label, standing after the character at {@code offset - 1}. */
    public record Ref(String label, int offset) {
    }

    private static final Pattern BARE_URL = Pattern.compile("https?://[^\\s<>\"”]+");
    private static final String SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    public static InlineText plain(String text) {
        return new InlineText(text, List.of(), List.of());
    }

    /**
     * Reads Markdown-style inline markup: {@code **strong**}, {@code *em*}, {@code <url>} and bare
     * URLs; with {@code footnoteMarkers}, superscript digits become footnote references.
     */
    public static InlineText parse(String source, boolean footnoteMarkers) {
        StringBuilder out = new StringBuilder(source.length());
        List<Mark> marks = new ArrayList<>();
        List<Ref> refs = new ArrayList<>();
        int strongStart = -1;
        int emStart = -1;
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '*' && i + 1 < source.length() && source.charAt(i + 1) == '*') {
                if (strongStart < 0 && closes(source, i + 2, "**")) {
                    strongStart = out.length();
                    i += 2;
                    continue;
                } else if (strongStart >= 0) {
                    marks.add(new Mark("strong", strongStart, out.length(), null));
                    strongStart = -1;
                    i += 2;
                    continue;
                }
            }
            if (c == '*') {
                if (emStart < 0 && i + 1 < source.length() && !Character.isWhitespace(source.charAt(i + 1))
                        && closes(source, i + 1, "*")) {
                    emStart = out.length();
                    i++;
                    continue;
                } else if (emStart >= 0 && out.length() > emStart) {
                    marks.add(new Mark("em", emStart, out.length(), null));
                    emStart = -1;
                    i++;
                    continue;
                }
            }
            if (c == '<') {
                int close = source.indexOf('>', i);
                if (close > i && BARE_URL.matcher(source.substring(i + 1, close)).matches()) {
                    String url = source.substring(i + 1, close);
                    marks.add(new Mark("link", out.length(), out.length() + url.length(), url));
                    out.append(url);
                    i = close + 1;
                    continue;
                }
            }
            if ((c == 'h') && (source.startsWith("http://", i) || source.startsWith("https://", i))) {
                Matcher m = BARE_URL.matcher(source).region(i, source.length());
                if (m.lookingAt()) {
                    String url = trimTrailingPunctuation(m.group());
                    marks.add(new Mark("link", out.length(), out.length() + url.length(), url));
                    out.append(url);
                    i += url.length();
                    continue;
                }
            }
            if (footnoteMarkers && SUPERSCRIPT_DIGITS.indexOf(c) >= 0) {
                StringBuilder label = new StringBuilder();
                while (i < source.length() && SUPERSCRIPT_DIGITS.indexOf(source.charAt(i)) >= 0) {
                    label.append((char) ('0' + SUPERSCRIPT_DIGITS.indexOf(source.charAt(i))));
                    i++;
                }
                refs.add(new Ref(label.toString(), out.length()));
                continue;
            }
            out.append(c);
            i++;
        }
        return new InlineText(out.toString(), List.copyOf(marks), List.copyOf(refs));
    }

    private static boolean closes(String source, int from, String delimiter) {
        int close = source.indexOf(delimiter, from);
        if (close < 0) {
            return false;
        }
        if (delimiter.equals("*")) {
            // "**" belongs to strong emphasis, not to the end of an italic run
            while (close >= 0 && close + 1 < source.length() && source.charAt(close + 1) == '*') {
                close = source.indexOf('*', close + 2);
            }
            return close > from && !Character.isWhitespace(source.charAt(close - 1));
        }
        return close > from;
    }

    private static String trimTrailingPunctuation(String url) {
        int end = url.length();
        while (end > 0 && ".,;:)]".indexOf(url.charAt(end - 1)) >= 0) {
            end--;
        }
        return url.substring(0, end);
    }

    /** Superscript digits, as footnote markers are printed, turned into ASCII digits. */
    static String superscriptToDigits(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            int d = SUPERSCRIPT_DIGITS.indexOf(c);
            b.append(d >= 0 ? (char) ('0' + d) : c);
        }
        return b.toString();
    }

    static boolean isSuperscriptDigit(char c) {
        return SUPERSCRIPT_DIGITS.indexOf(c) >= 0;
    }
}
