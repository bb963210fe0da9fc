package org.seminar.annotator.document.parse;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Joins lines into running text. A word hyphenated at a line end is joined; a real hyphen is kept: when the document
 * spells the word with a hyphen elsewhere, when the part before it is a prefix written with one ("non-", "self-"), a
 * compound already hyphenated or an acronym. The document's own words (as printed inside lines) decide first.
 */
final class LineJoiner {

    /** Prefixes written with a hyphen: a line ending after one keeps it. */
    private static final Set<String> HYPHEN_PREFIXES = Set.of("non", "anti", "pro", "post", "pre", "self", "co", "ex", "neo", "quasi",
            "semi", "multi", "inter", "intra", "pan", "sub", "super", "trans", "ultra", "well", "cross", "counter", "mid", "over",
            "under", "all", "half", "cold", "long", "short", "state", "great", "socio", "geo", "euro", "pseudo", "extra");
    private static final Pattern WORD = Pattern.compile("\\p{L}+(?:-\\p{L}+)*");

    private final Set<String> hyphenated = new HashSet<>();
    private final Set<String> words = new HashSet<>();

    /** Learns the document's spelling from the words inside its lines (a line's last word may be cut, so it is left out). */
    LineJoiner(List<Line> lines) {
        for (Line l : lines) {
            String text = l.text.strip();
            String inner = text.endsWith("-") ? text.substring(0, Math.max(0, text.lastIndexOf(' ') + 1)) : text;
            Matcher m = WORD.matcher(inner.toLowerCase(Locale.ROOT));
            while (m.find()) {
                (m.group().contains("-") ? hyphenated : words).add(m.group());
            }
        }
    }

    /** Appends a line to running text: after a space, or joined to a word hyphenated at the previous line's end. */
    void append(Styled s, Line l) {
        String text = l.text.strip();
        if (text.isEmpty()) {
            return;
        }
        int from = l.text.indexOf(text);
        String part = l.text.substring(0, from + text.length());
        if (s.isEmpty()) {
            s.append(part, l.styles, from);
            return;
        }
        String sofar = s.text.toString();
        char last = sofar.charAt(sofar.length() - 1);
        if (last == '\u00AD') {
            s.dropLast();
        } else if (last == '-' && sofar.length() > 1 && Character.isLetter(sofar.charAt(sofar.length() - 2))
                && Character.isLowerCase(text.charAt(0))) {
            String before = sofar.substring(sofar.lastIndexOf(' ') + 1, sofar.length() - 1).replaceAll("^\\P{L}+", "");
            String after = text.split("[\\s\\p{Punct}&&[^-]]", 2)[0];
            if (!keepsHyphen(before, after)) {
                s.dropLast();
            }
        } else if (!Character.isWhitespace(last)) {
            s.appendSpace();
        }
        s.append(part, l.styles, from);
    }

    boolean keepsHyphen(String before, String after) {
        String lower = before.toLowerCase(Locale.ROOT);
        String withHyphen = (lower + "-" + after).toLowerCase(Locale.ROOT);
        if (hyphenated.contains(withHyphen) || hyphenated.stream().anyMatch(w -> w.contains(withHyphen))) {
            return true;
        }
        if (words.contains((lower + after).toLowerCase(Locale.ROOT))) {
            return false;
        }
        String lastPart = lower.substring(lower.lastIndexOf('-') + 1);
        return HYPHEN_PREFIXES.contains(lastPart) || before.contains("-") || before.length() > 1 && Character.isUpperCase(before.charAt(0))
                && Character.isUpperCase(before.charAt(before.length() - 1));
    }
}
