package org.seminar.annotator.document.parse;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Rebuilds an article's logical structure from plain text.
 *
 * <p>Clean text: the first non-empty line is the title, blank lines separate paragraphs, lines
 * starting with {@code #} or {@code ##} start sections. Print extraction (text pulled out of a
 * printed journal) additionally gets repaired: front matter recognised, headings found, footnotes
 * taken out of the body (and joined where a page break cut them), pull quotes dropped, and body
 * paragraphs that a page break cut in two joined again. The rules are general (typography and
 * repetition), never tied to one file's lines or strings.
 */
public final class ArticleParser {

    /** How much repair the text needs. */
    public enum Source { CLEAN, PRINT_EXTRACTION }

    private static final Pattern FOOTNOTE_START = Pattern.compile("^([0-9]{1,3}|[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})\\s+(\\S.*)$", Pattern.DOTALL);
    private static final Pattern MARKDOWN_HEADING = Pattern.compile("^(#{1,2})\\s+(.+)$");
    private static final Pattern KEYWORDS = Pattern.compile("^(?:\\*{0,2})(?:Key ?words?)(?:\\*{0,2})\\s*[:：]\\s*(.*)$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern CITATION_HINT = Pattern.compile(
            "https?://|\\bAccess(?:ed| date)\\b|\\bavailable at\\b|\\bpp?\\.\\s?\\d|\\bNo\\.\\s?\\d|\\(eds?\\)|\\bVol\\.|\\bIbid\\b|%[0-9A-F]{2}",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern URL_FRAGMENT_START = Pattern.compile("^[=&%?#/][^\\s]*");
    /** A pull quote repeats one or two sentences; anything longer is treated as real text. */
    private static final int PULL_QUOTE_MAX_CHARS = 600;
    private static final int PULL_QUOTE_MIN_CHARS = 40;
    private static final int HEADING_MAX_CHARS = 100;
    private static final Set<String> BROKEN_OFF_ENDINGS = Set.of("a", "an", "the", "of", "and", "or", "but", "nor", "to",
            "in", "on", "at", "by", "for", "with", "from", "into", "than", "that", "as", "until", "its", "their", "his",
            "her", "is", "are", "was", "were", "be", "which", "who", "whose", "any", "this", "these", "those", "not");
    private static final int HEADING_MAX_WORDS = 14;

    private enum Kind { HEADING, FOOTNOTE, FOOTNOTE_CONTINUATION, PULL_QUOTE, BODY }

    private static final class Block {
        final String text;
        Kind kind = Kind.BODY;
        String heading;
        int footnoteNumber;
        Block continues;

        Block(String text) {
            this.text = text;
        }
    }

    public ParsedArticle parse(String input, Source source) {
        List<Block> blocks = blocks(input);
        if (blocks.isEmpty()) {
            throw new IllegalArgumentException("The text is empty");
        }
        String title = stripHeadingMarks(blocks.get(0).text);
        List<Block> rest = new ArrayList<>(blocks.subList(1, blocks.size()));
        FrontMatter front = source == Source.PRINT_EXTRACTION ? printFrontMatter(rest) : cleanFrontMatter(rest);
        rest = rest.subList(front.consumed, rest.size());

        for (Block b : rest) {
            Matcher md = MARKDOWN_HEADING.matcher(b.text);
            if (md.matches()) {
                b.kind = Kind.HEADING;
                b.heading = md.group(2).trim();
            }
        }
        List<ParsedArticle.Footnote> footnotes = List.of();
        if (source == Source.PRINT_EXTRACTION) {
            for (Block b : rest) {
                if (b.kind == Kind.BODY && looksLikePrintedHeading(b.text)) {
                    b.kind = Kind.HEADING;
                    b.heading = b.text.trim();
                }
            }
            footnotes = separateFootnotes(rest);
            markPullQuotes(rest);
        }
        List<ParsedArticle.Section> sections = sections(rest, source == Source.PRINT_EXTRACTION);
        return new ParsedArticle(title, front.authors, front.abstractText, front.keywords, front.authorNote, sections, footnotes);
    }

    // ---- blocks and front matter ------------------------------------------------------------

    private static List<Block> blocks(String input) {
        String normalized = input.replace("\r\n", "\n").replace('\r', '\n').replace('\u00A0', ' ');
        List<Block> blocks = new ArrayList<>();
        for (String raw : normalized.split("\\n\\s*\\n")) {
            String text = Arrays.stream(raw.split("\\n")).map(String::strip).filter(l -> !l.isEmpty())
                    .collect(Collectors.joining(" "));
            if (!text.isEmpty()) {
                blocks.add(new Block(text));
            }
        }
        return blocks;
    }

    private record FrontMatter(int consumed, List<String> authors, String abstractText, List<String> keywords,
            InlineText authorNote) {
    }

    /** Clean text has front matter only where it is marked: a keywords line and an author's note ("* ..."). */
    private static FrontMatter cleanFrontMatter(List<Block> rest) {
        int i = 0;
        List<String> keywords = List.of();
        InlineText note = null;
        while (i < rest.size()) {
            Matcher k = KEYWORDS.matcher(rest.get(i).text);
            if (k.matches()) {
                keywords = splitKeywords(k.group(1));
            } else if (isAuthorNote(rest.get(i).text)) {
                note = authorNote(rest.get(i).text);
            } else {
                break;
            }
            i++;
        }
        return new FrontMatter(i, List.of(), null, keywords, note);
    }

    /**
     * Printed front matter runs up to the first section heading: a short author line (marked with
     * {@code *} when an author's note follows), the abstract, the keywords line, the author's note.
     */
    private FrontMatter printFrontMatter(List<Block> rest) {
        int firstHeading = -1;
        for (int i = 0; i < rest.size(); i++) {
            if (MARKDOWN_HEADING.matcher(rest.get(i).text).matches() || looksLikePrintedHeading(rest.get(i).text)) {
                firstHeading = i;
                break;
            }
        }
        int end = firstHeading;
        if (end < 0) {
            // no headings: front matter ends with the keywords line or the author's note, if any
            end = 0;
            for (int i = 0; i < Math.min(rest.size(), 8); i++) {
                if (KEYWORDS.matcher(rest.get(i).text).matches() || isAuthorNote(rest.get(i).text)) {
                    end = i + 1;
                }
            }
        }
        List<String> authors = new ArrayList<>();
        List<String> abstractParts = new ArrayList<>();
        List<String> keywords = List.of();
        InlineText note = null;
        for (int i = 0; i < end; i++) {
            String text = rest.get(i).text;
            Matcher k = KEYWORDS.matcher(text);
            if (k.matches()) {
                keywords = splitKeywords(k.group(1));
            } else if (isAuthorNote(text)) {
                note = authorNote(text);
            } else if (i == 0 && looksLikeAuthorLine(text)) {
                for (String name : text.split("\\s*(?:,|\\band\\b|&)\\s*")) {
                    String clean = name.replaceAll("[*†‡]+$", "").strip();
                    if (!clean.isEmpty()) {
                        authors.add(clean);
                    }
                }
            } else {
                abstractParts.add(text);
            }
        }
        String abstractText = abstractParts.isEmpty() ? null : String.join("\n\n", abstractParts);
        return new FrontMatter(end, List.copyOf(authors), abstractText, keywords, note);
    }

    private static boolean looksLikeAuthorLine(String text) {
        return text.length() <= 120 && !text.matches(".*[.!?]$") && text.split("\\s+").length <= 16;
    }

    private static boolean isAuthorNote(String text) {
        return text.startsWith("* ") || text.startsWith("*\t");
    }

    private static InlineText authorNote(String text) {
        return InlineText.parse(text.substring(2).strip(), false);
    }

    private static List<String> splitKeywords(String list) {
        return Arrays.stream(list.split("[,;]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String stripHeadingMarks(String text) {
        Matcher md = MARKDOWN_HEADING.matcher(text);
        return md.matches() ? md.group(2).trim() : text.strip();
    }

    /**
     * A printed section heading: a short line that starts with a capital, has no footnote marker and
     * does not end like a sentence or a broken-off phrase.
     */
    static boolean looksLikePrintedHeading(String text) {
        String t = text.strip();
        if (t.isEmpty() || t.length() > HEADING_MAX_CHARS || t.split("\\s+").length > HEADING_MAX_WORDS) {
            return false;
        }
        if (!Character.isUpperCase(t.codePointAt(0)) || FOOTNOTE_START.matcher(t).matches() || isAuthorNote(t)
                || KEYWORDS.matcher(t).matches()) {
            return false;
        }
        if (t.chars().anyMatch(c -> InlineText.isSuperscriptDigit((char) c)) || t.contains("http")) {
            return false;
        }
        char last = t.charAt(t.length() - 1);
        String lastWord = t.substring(t.lastIndexOf(' ') + 1);
        // a line broken off mid-phrase ("... at the", "... principles of") is a cut paragraph, not a heading
        return ".,;:!?-–—\"”’'*†‡".indexOf(last) < 0 && !BROKEN_OFF_ENDINGS.contains(lastWord);
    }

    // ---- footnotes --------------------------------------------------------------------------

    /**
     * Footnotes are numbered in order and follow their first marker in the body, so a block is the
     * next footnote only when it starts with exactly the next number and that marker was already
     * printed. A footnote cut by a page break continues at the top of the next page's notes, just
     * before the next footnote.
     */
    private static List<ParsedArticle.Footnote> separateFootnotes(List<Block> blocks) {
        int expected = 1;
        Set<Integer> markersSeen = new HashSet<>();
        List<Block> notes = new ArrayList<>();
        for (Block b : blocks) {
            if (b.kind == Kind.HEADING) {
                continue;
            }
            Matcher m = FOOTNOTE_START.matcher(b.text);
            if (m.matches()) {
                int number = Integer.parseInt(InlineText.superscriptToDigits(m.group(1)));
                if (number == expected && markersSeen.contains(number)) {
                    b.kind = Kind.FOOTNOTE;
                    b.footnoteNumber = number;
                    notes.add(b);
                    expected++;
                    continue;
                }
            }
            markersSeen.addAll(superscriptMarkers(b.text));
        }
        // join footnotes that a page break cut
        for (int n = 0; n < notes.size(); n++) {
            Block note = notes.get(n);
            if (endsLikeCompleteNote(note.text)) {
                continue;
            }
            int start = blocks.indexOf(note);
            int nextNote = n + 1 < notes.size() ? blocks.indexOf(notes.get(n + 1)) : blocks.size();
            int candidate = nextNote - 1;
            if (candidate > start && blocks.get(candidate).kind == Kind.BODY
                    && CITATION_HINT.matcher(blocks.get(candidate).text).find()
                    && superscriptMarkers(blocks.get(candidate).text).isEmpty()) {
                blocks.get(candidate).kind = Kind.FOOTNOTE_CONTINUATION;
                blocks.get(candidate).continues = note;
            }
        }
        List<ParsedArticle.Footnote> footnotes = new ArrayList<>();
        for (Block note : notes) {
            Matcher m = FOOTNOTE_START.matcher(note.text);
            m.matches();
            String text = m.group(2).strip();
            for (Block b : blocks) {
                if (b.kind == Kind.FOOTNOTE_CONTINUATION && b.continues == note) {
                    text = joinNoteParts(text, b.text);
                }
            }
            footnotes.add(new ParsedArticle.Footnote(String.valueOf(note.footnoteNumber), InlineText.parse(text, false)));
        }
        return footnotes;
    }

    private static boolean endsLikeCompleteNote(String text) {
        String t = text.strip();
        char last = t.charAt(t.length() - 1);
        return ".!?)]".indexOf(last) >= 0;
    }

    /** Joins two parts of a footnote; a part that starts inside a URL is glued to it, inside its brackets. */
    static String joinNoteParts(String first, String second) {
        Matcher fragment = URL_FRAGMENT_START.matcher(second);
        if (fragment.lookingAt() && (first.endsWith(">") || first.matches("(?s).*https?://\\S*$"))) {
            String urlPart = fragment.group();
            String after = second.substring(urlPart.length());
            if (first.endsWith(">")) {
                return first.substring(0, first.length() - 1) + urlPart + ">" + after;
            }
            return first + urlPart + after;
        }
        return first + " " + second;
    }

    private static Set<Integer> superscriptMarkers(String text) {
        Set<Integer> found = new HashSet<>();
        Matcher m = Pattern.compile("[⁰¹²³⁴⁵⁶⁷⁸⁹]+").matcher(text);
        while (m.find()) {
            found.add(Integer.parseInt(InlineText.superscriptToDigits(m.group())));
        }
        return found;
    }

    // ---- pull quotes ------------------------------------------------------------------------

    /**
     * A pull quote repeats one or two sentences of the body verbatim (up to the typography of quote
     * marks and dashes). A short block of whole sentences whose text occurs elsewhere in the body
     * (possibly across a page break) is one.
     * Shorter blocks are tested first, so that of two identical blocks one stays.
     */
    private static void markPullQuotes(List<Block> blocks) {
        List<Block> body = blocks.stream().filter(b -> b.kind == Kind.BODY).toList();
        Map<Block, String> normal = new LinkedHashMap<>();
        body.forEach(b -> normal.put(b, comparable(b.text)));
        List<Block> byLength = body.stream()
                .filter(b -> normal.get(b).length() >= PULL_QUOTE_MIN_CHARS && normal.get(b).length() <= PULL_QUOTE_MAX_CHARS)
                // a quote is set as whole sentences; a part cut off by a page break is not one
                .filter(b -> Character.isUpperCase(b.text.codePointAt(0)) && endsSentence(b.text))
                .sorted(Comparator.comparingInt((Block b) -> normal.get(b).length())).toList();
        for (Block candidate : byLength) {
            String others = body.stream().filter(b -> b != candidate && b.kind == Kind.BODY)
                    .map(normal::get).collect(Collectors.joining(" "));
            if (others.contains(normal.get(candidate))) {
                candidate.kind = Kind.PULL_QUOTE;
            }
        }
    }

    /** Text reduced to what a repetition keeps: words and punctuation, with one kind of quote, dash and space. */
    static String comparable(String text) {
        // footnote markers go first: NFKC would turn superscript digits into ordinary ones
        String t = Normalizer.normalize(text.replaceAll("[⁰¹²³⁴⁵⁶⁷⁸⁹]", ""), Normalizer.Form.NFKC);
        t = t.replaceAll("[‘’‚‛′`´]", "'").replaceAll("[“”„‟″«»]", "\"").replaceAll("[‐‑‒–—―]", "-");
        t = t.replace("*", "");
        return t.replaceAll("\\s+", " ").strip().toLowerCase(java.util.Locale.ROOT);
    }

    // ---- sections and paragraphs ------------------------------------------------------------

    private static List<ParsedArticle.Section> sections(List<Block> blocks, boolean joinPageBreaks) {
        List<ParsedArticle.Section> sections = new ArrayList<>();
        String heading = null;
        List<String> paragraphs = new ArrayList<>();
        for (Block b : blocks) {
            if (b.kind == Kind.HEADING) {
                if (heading != null || !paragraphs.isEmpty()) {
                    sections.add(section(heading, paragraphs));
                }
                heading = b.heading;
                paragraphs = new ArrayList<>();
            } else if (b.kind == Kind.BODY) {
                if (joinPageBreaks && !paragraphs.isEmpty() && !endsSentence(paragraphs.get(paragraphs.size() - 1))) {
                    int last = paragraphs.size() - 1;
                    paragraphs.set(last, joinBodyParts(paragraphs.get(last), b.text));
                } else {
                    paragraphs.add(b.text);
                }
            }
        }
        if (heading != null || !paragraphs.isEmpty()) {
            sections.add(section(heading, paragraphs));
        }
        return sections;
    }

    private static ParsedArticle.Section section(String heading, List<String> paragraphs) {
        return new ParsedArticle.Section(heading, paragraphs.stream().map(p -> InlineText.parse(p, true)).toList());
    }

    /** Whether a body part ends its last sentence (after any closing quote, bracket or footnote marker). */
    static boolean endsSentence(String text) {
        String t = text.strip().replaceAll("[⁰¹²³⁴⁵⁶⁷⁸⁹,]+$", "").replaceAll("[\"”’')\\]*]+$", "");
        return !t.isEmpty() && ".!?".indexOf(t.charAt(t.length() - 1)) >= 0;
    }

    private static String joinBodyParts(String first, String second) {
        if (first.endsWith("-") && !first.endsWith(" -") && !second.isEmpty() && Character.isLowerCase(second.charAt(0))) {
            return first + second;
        }
        return first + " " + second;
    }
}
