package org.seminar.annotator.document.parse;

import com.fasterxml.jackson.databind.JsonNode;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Scores one {@link ParsedArticle} against the gold file of its PDF (schema in {@code pdf-corpus/README.md}): every gold
 * entry is one check in a family, and each failed check is kept with a line saying why, for the corpus report.
 */
final class CorpusScore {

    /** The check families, in the order of the report's columns. */
    static final List<String> FAMILIES = List.of("title", "authors", "abstract", "headings", "paraStarts", "crossings",
            "fnFound", "fnOutOfBody", "fnLinked", "heads", "words", "front");
    /** A running-head string this short (a folio such as {@code 89} or {@code 2 / 14}) is tested as a token at paragraph edges. */
    private static final int FOLIO_LENGTH = 12;
    /** A paragraph start may follow a run-in head ("Papers. The goal ...") of at most this many characters. */
    private static final int RUN_IN_HEAD = 40;
    /** The abstract's gold start may follow a label ("Abstract", "Background:") of at most this many characters. */
    private static final int ABSTRACT_LABEL = 40;
    /** Footnote text matches when it starts within this many characters of the footnote's start. */
    private static final int FOOTNOTE_LEAD = 6;

    final Map<String, int[]> counts = new LinkedHashMap<>();
    final List<String> failures = new ArrayList<>();

    CorpusScore() {
        FAMILIES.forEach(f -> counts.put(f, new int[2]));
    }

    int passed() {
        return counts.values().stream().mapToInt(c -> c[0]).sum();
    }

    int total() {
        return counts.values().stream().mapToInt(c -> c[1]).sum();
    }

    void add(CorpusScore other) {
        other.counts.forEach((f, c) -> {
            counts.get(f)[0] += c[0];
            counts.get(f)[1] += c[1];
        });
    }

    private void check(String family, boolean ok, String failure) {
        counts.get(family)[1]++;
        if (ok) {
            counts.get(family)[0]++;
        } else {
            failures.add(family + ": " + failure);
        }
    }

    /** Whitespace, ligatures (NFKC), quotes, dashes and soft hyphens made alike. */
    static String norm(String s) {
        if (s == null) {
            return "";
        }
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC).replace("\u00AD", "");
        n = n.replaceAll("[‘’‚‛′`]", "'").replaceAll("[“”„‟″]", "\"").replaceAll("[‐‑‒–—―−]", "-");
        return n.replaceAll("\\s+", " ").strip();
    }

    /** Records every check of the gold file against what the reader returned (null: it refused the PDF). */
    static CorpusScore of(JsonNode gold, ParsedArticle article) {
        CorpusScore s = new CorpusScore();
        Doc d = article == null ? null : new Doc(article);
        String title = norm(gold.get("title").asText());
        s.check("title", d != null && norm(article.title()).equalsIgnoreCase(title), "title is «" + (d == null ? null : article.title()) + "»");
        List<String> authors = d == null ? List.of() : article.authors().stream().map(CorpusScore::norm).toList();
        for (JsonNode a : gold.get("authors")) {
            s.check("authors", authors.contains(norm(a.asText())), "author «" + a.asText() + "» not in " + authors);
        }
        JsonNode abs = gold.get("abstractStart");
        if (abs.isNull()) {
            s.check("abstract", d != null && (article.abstractText() == null || article.abstractText().isBlank()), "abstract where none");
        } else {
            String a = d == null ? "" : norm(article.abstractText());
            int at = a.indexOf(norm(abs.asText()));
            s.check("abstract", at >= 0 && at <= ABSTRACT_LABEL, "abstract starts «" + cut(a, 60) + "»");
        }
        headings(s, gold, d);
        for (JsonNode p : gold.get("paragraphStarts")) {
            String start = norm(p.asText());
            List<String> holding = d == null ? List.of() : d.prose.stream().filter(t -> t.contains(start)).toList();
            boolean ok = holding.size() == 1 && holding.get(0).indexOf(start) <= RUN_IN_HEAD;
            s.check("paraStarts", ok, "«" + start + "» " + (holding.isEmpty() ? "in no paragraph" : holding.size() > 1
                    ? "in " + holding.size() + " paragraphs" : "mid-paragraph: «…" + around(holding.get(0), start) + "»"));
        }
        for (JsonNode c : gold.get("pageCrossings")) {
            String before = norm(c.get("before").asText());
            String after = norm(c.get("after").asText());
            boolean ok = d != null && d.blocks.stream().anyMatch(t -> t.contains(before) && t.indexOf(after) > t.indexOf(before));
            s.check("crossings", ok, "p" + c.get("page").asText() + " «" + before + "» | «" + after + "» not one paragraph");
        }
        for (JsonNode f : gold.get("footnotes")) {
            String label = f.get("number").asText();
            String start = norm(f.get("start").asText());
            boolean found = d != null && article.footnotes().stream().anyMatch(n -> n.label().equals(label)
                    && index(norm(n.content().text()), start) <= FOOTNOTE_LEAD);
            s.check("fnFound", found, "footnote " + label + " «" + start + "» not found");
            s.check("fnOutOfBody", d != null && d.blocks.stream().noneMatch(t -> t.contains(start)), "footnote " + label + " in body");
            s.check("fnLinked", d != null && d.refs.contains(label), "no marker for footnote " + label);
        }
        for (JsonNode h : gold.get("runningHeads")) {
            String head = norm(h.asText());
            String in = d == null ? "" : head.length() <= FOLIO_LENGTH ? d.blocks.stream().filter(t -> atEdge(t, head)).findFirst().orElse(null)
                    : d.blocks.stream().filter(t -> t.contains(head)).findFirst().orElse(null);
            s.check("heads", d != null && in == null, "«" + head + "» in «" + (in == null ? "" : around(in, head)) + "»");
        }
        for (JsonNode w : gold.get("intactWords")) {
            String word = norm(w.asText());
            boolean ok = d != null && Pattern.compile("(?<![\\p{L}-])" + Pattern.quote(word) + "(?![\\p{L}-])",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(d.all).find();
            s.check("words", ok, "«" + word + "» not whole");
        }
        front(s, gold, d);
        return s;
    }

    private static void headings(CorpusScore s, JsonNode gold, Doc d) {
        int from = 0;
        for (JsonNode h : gold.get("headings")) {
            String want = bare(h.asText());
            int found = -1;
            for (int i = from; d != null && i < d.headings.size(); i++) {
                if (bare(d.headings.get(i)).equals(want)) {
                    found = i;
                    break;
                }
            }
            s.check("headings", found >= 0, "heading «" + h.asText() + "» not found (in order)");
            if (found >= 0) {
                from = found + 1;
            }
        }
    }

    /** The title, abstract and author line are not body text. */
    private static void front(CorpusScore s, JsonNode gold, Doc d) {
        String title = norm(gold.get("title").asText());
        s.check("front", d != null && d.blocks.stream().noneMatch(t -> t.equalsIgnoreCase(title) || t.contains(title)), "title in body");
        JsonNode abs = gold.get("abstractStart");
        if (!abs.isNull()) {
            String a = norm(abs.asText());
            s.check("front", d != null && d.blocks.stream().noneMatch(t -> t.contains(a)), "abstract in body");
        }
        List<String> names = new ArrayList<>();
        gold.get("authors").forEach(a -> names.add(norm(a.asText())));
        if (names.size() >= 2) {
            s.check("front", d != null && d.blocks.stream().noneMatch(t -> names.stream().filter(t::contains).count() >= 2),
                    "author line in body");
        }
    }

    /** A heading compared without case, trailing period or the space in "3.1. ". */
    private static String bare(String h) {
        return norm(h).toLowerCase(Locale.ROOT).replaceAll("^(\\d+(?:\\.\\d+)*)\\.?\\s*", "$1 ").replaceAll("[.:]$", "").strip();
    }

    private static boolean atEdge(String text, String token) {
        return text.equals(token) || text.startsWith(token + " ") || text.endsWith(" " + token);
    }

    private static int index(String text, String part) {
        int i = text.indexOf(part);
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    private static String around(String text, String part) {
        int i = Math.max(0, text.indexOf(part));
        return cut(text.substring(Math.max(0, i - 40)), 40 + part.length() + 20);
    }

    private static String cut(String s, int n) {
        return s == null ? "null" : s.length() <= n ? s : s.substring(0, n) + "…";
    }

    /** The article's text, normalised, as the checks look at it. */
    private static final class Doc {
        final List<String> blocks = new ArrayList<>();
        final List<String> prose = new ArrayList<>();
        final List<String> headings = new ArrayList<>();
        final java.util.Set<String> refs = new java.util.HashSet<>();
        final String all;

        Doc(ParsedArticle a) {
            StringBuilder text = new StringBuilder(norm(a.title())).append('\n').append(norm(a.abstractText()));
            for (ParsedArticle.Section section : a.sections()) {
                if (section.heading() != null) {
                    headings.add(section.heading());
                }
                for (int i = 0; i < section.paragraphs().size(); i++) {
                    InlineText p = section.paragraphs().get(i);
                    String t = norm(p.text());
                    blocks.add(t);
                    if (section.kindOf(i) == ParsedArticle.BlockKind.PARAGRAPH) {
                        prose.add(t);
                    }
                    p.refs().forEach(r -> refs.add(r.label()));
                    text.append('\n').append(t);
                }
            }
            a.footnotes().forEach(f -> text.append('\n').append(norm(f.content().text())));
            all = text.toString();
        }
    }
}
