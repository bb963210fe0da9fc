package org.seminar.annotator.document.parse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fifth stage's front matter. The title is the largest text on the first page that is not a masthead label (a
 * run of at least {@link #TITLE_WORDS} words). The authors are the block after it when it reads as a list of names;
 * affiliation digits, raised letters and note marks are taken off the names. The abstract is the text after an
 * "Abstract" (or "Summary") label up to the next heading or the keywords line, or, without a label, the first long
 * paragraph of the first page before any heading. The keywords line becomes the keywords.
 */
final class FrontMatter {

    /** Title text is larger than the body by at least this share. */
    static final float TITLE_LARGER = 1.1f;
    /** A masthead label ("Research Article", a journal's name in large type) has fewer words than a title. */
    static final int TITLE_WORDS = 3;
    /** An unlabelled abstract has at least this many words. */
    static final int ABSTRACT_WORDS = 60;
    /** The author line is looked for among this many blocks at the start of the first page. */
    static final int AUTHOR_SEARCH = 8;
    /** An author line has at most this many names ... */
    static final int MAX_AUTHORS = 60;
    /** ... each of at most this many words. */
    static final int NAME_WORDS = 5;

    private static final Pattern ABSTRACT = Pattern.compile("(?is)^(?:abstract|summary)\\s*[:.—–-]?\\s*(.*)$");
    private static final Pattern KEYWORDS = Pattern.compile("(?is)^(?:key ?words?|index terms)\\s*[:：.—–-]?\\s*(.*)$");
    private static final Set<String> PARTICLES = Set.of("van", "von", "de", "der", "den", "del", "della", "da", "di", "du", "le", "la",
            "dos", "das", "bin", "ibn", "al", "el", "ter", "ten", "y");

    /** A degree after a name ("PhD", "MSc", "FRCGP"): a short word with at least two capitals, not a name. */
    private static final String CREDENTIAL = "(?=(?:.*\\p{Lu}){2})[\\p{L}.]{2,7}";
    /** Words of an organisation's name: a masthead or an affiliation, never a person's. */
    private static final Set<String> ORGANISATION = Set.of("service", "university", "institute", "department", "research", "journal",
            "press", "society", "court", "congress", "congressional", "school", "college", "centre", "center", "laboratory", "access");

    String title;
    private float titleBaseline;
    final List<String> authors = new ArrayList<>();
    final List<String> abstractParts = new ArrayList<>();
    List<String> keywords = List.of();

    /** Finds the title on the first page; its lines get {@link Line.Zone#TITLE}. */
    void title(List<Line> ordered, float body, List<ParsedArticle.Dropped> dropped) {
        List<Line> first = ordered.stream().filter(l -> l.page == firstPage(ordered) && l.zone == Line.Zone.BODY && l.rowCells == 0)
                .toList();
        List<Float> sizes = first.stream().map(l -> l.size).filter(s -> s >= TITLE_LARGER * body).distinct()
                .sorted((a, b) -> Float.compare(b, a)).toList();
        for (float size : sizes) {
            List<Line> run = new ArrayList<>();
            for (Line l : first) {
                if (Math.abs(l.size - size) <= BlockBuilder.SAME_SIZE) {
                    if (!run.isEmpty() && l.baseline - run.get(run.size() - 1).baseline > BlockBuilder.RUN_LEADING * size) {
                        break;
                    }
                    run.add(l);
                } else if (!run.isEmpty()) {
                    break;
                }
            }
            if (run.size() > 1 && run.get(0).plain().split(" ").length < TITLE_WORDS
                    && run.get(0).all(Line.ITALIC) != run.get(1).all(Line.ITALIC)) {
                run.remove(0); // a label above the title ("Research Article"), set in its own style
            }
            String text = String.join(" ", run.stream().map(Line::plain).toList()).replaceAll("\\s+", " ").strip();
            if (text.split(" ").length >= TITLE_WORDS) {
                run.forEach(l -> l.zone = Line.Zone.TITLE);
                title = text;
                titleBaseline = run.get(run.size() - 1).baseline;
                // above the title on the first page: the journal's masthead, not the article
                float top = run.get(0).baseline - run.get(0).size;
                for (Line l : first) {
                    if (l.baseline < top && l.zone == Line.Zone.BODY) {
                        l.zone = Line.Zone.HEAD;
                        dropped.add(new ParsedArticle.Dropped(ParsedArticle.DropReason.RUNNING_HEAD, l.page, l.plain()));
                    }
                }
                return;
            }
        }
    }

    private static int firstPage(List<Line> ordered) {
        return ordered.isEmpty() ? 1 : ordered.get(0).page;
    }

    /** Takes the authors, abstract and keywords off the front of the blocks; returns the blocks that remain. */
    List<Block> read(List<Block> blocks, List<ParsedArticle.Dropped> dropped) {
        List<Block> rest = new ArrayList<>(blocks);
        int page = rest.isEmpty() ? 1 : rest.get(0).page;
        // the author line: among the first blocks of the first page, below the title; it may be set as several blocks
        for (int i = 0; i < Math.min(AUTHOR_SEARCH, rest.size()) && authors.isEmpty(); i++) {
            Block b = rest.get(i);
            if (b.page != page || titleBaseline > 0 && b.first().baseline < titleBaseline && b.first().column < 0) {
                continue;
            }
            while (i < rest.size() && rest.get(i).page == page && !names(withoutMarkers(rest.get(i))).isEmpty()) {
                authors.addAll(names(withoutMarkers(rest.remove(i))));
            }
        }
        int label = -1;
        for (int i = 0; i < rest.size() && rest.get(i).page <= page + 1 && label < 0; i++) {
            if (ABSTRACT.matcher(rest.get(i).plain()).matches() && (rest.get(i).isHeading() || rest.get(i).plain().length() > 40)) {
                label = i;
            }
        }
        int start = label;
        if (label >= 0) {
            Block b = rest.get(label);
            Matcher m = ABSTRACT.matcher(b.plain());
            m.matches();
            rest.remove(label); // the label, a heading of its own or run into the abstract's first paragraph
            if (!b.isHeading()) {
                abstractParts.add(m.group(1).strip());
            }
            while (start < rest.size() && !rest.get(start).isHeading() && !KEYWORDS.matcher(rest.get(start).plain()).matches()
                    && rest.get(start).kind == ParsedArticle.BlockKind.PARAGRAPH && rest.get(start).page <= page + 1) {
                abstractParts.add(rest.remove(start).plain());
            }
        } else {
            // without a label: the first long paragraph before the first bold heading (a line that only looked like one,
            // "Dublin 2, Ireland" in an address, does not end the front matter)
            for (int i = 0; i < rest.size() && rest.get(i).page == page && !(rest.get(i).isHeading() && rest.get(i).first().all(Line.BOLD));
                    i++) {
                if (rest.get(i).kind == ParsedArticle.BlockKind.PARAGRAPH && rest.get(i).plain().split(" ").length >= ABSTRACT_WORDS) {
                    abstractParts.add(rest.remove(i).plain());
                    start = i;
                    break;
                }
            }
        }
        for (int i = 0; i < rest.size() && rest.get(i).page <= page + 1; i++) {
            Matcher k = KEYWORDS.matcher(rest.get(i).plain());
            if (!rest.get(i).isHeading() && k.matches()) {
                keywords = Arrays.stream(k.group(1).split("[,;·•]")).map(String::strip).filter(w -> !w.isEmpty()).toList();
                rest.remove(i);
                break;
            }
        }
        // what stands between the author line and the abstract is front matter (affiliations, dates, addresses)
        for (int i = Math.min(start, rest.size()) - 1; i >= 0 && !abstractParts.isEmpty(); i--) {
            Block b = rest.get(i);
            if (!b.isHeading() && b.page == page) {
                dropped.add(new ParsedArticle.Dropped(ParsedArticle.DropReason.OTHER, b.page, b.plain()));
                rest.remove(i);
            }
        }
        return rest;
    }

    /** The block's text without raised characters (affiliation digits and letters, note marks). */
    private static String withoutMarkers(Block b) {
        StringBuilder s = new StringBuilder();
        String t = b.text.text.toString();
        for (int i = 0; i < t.length(); i++) {
            if ((b.text.styles.get(i) & Line.SUP) == 0) {
                s.append(t.charAt(i));
            } else if (i > 0 && (b.text.styles.get(i - 1) & Line.SUP) == 0) {
                s.append(','); // a mark ends a name, also where no comma follows
            }
        }
        return s.toString();
    }

    /** The names of an author line, or none when it does not read as one. */
    static List<String> names(String line) {
        String t = line.replaceAll("\\([^()]*@[^()]*\\)", ",").replaceAll("[*∗†‡§¶#✉�]", ",").replaceAll("(?<=\\p{L})\\d+(?:,\\d+)*", " ").replaceAll("\\s\\d+(?:,\\d+)*(?=[\\s,]|$)", " ");
        List<String> names = new ArrayList<>();
        for (String part : t.split("\\s*(?:,|;|\\band\\b|&)\\s*")) {
            String name = part.replaceAll("\\s+", " ").strip();
            if (name.isEmpty() || name.matches("\\d+") || name.matches(CREDENTIAL)) {
                continue;
            }
            String[] words = name.split(" ");
            if (words.length > NAME_WORDS || words.length < 2 || !name.matches(".*\\p{Ll}.*") || !Arrays.stream(words).allMatch(w -> isNameWord(w))
                    || Arrays.stream(words).anyMatch(w -> ORGANISATION.contains(w.toLowerCase(java.util.Locale.ROOT)))) {
                return List.of();
            }
            names.add(name);
        }
        return names.size() <= MAX_AUTHORS ? names : List.of();
    }

    private static boolean isNameWord(String w) {
        // a surname in small capitals comes out in upper case; the given names beside it keep their lower case
        return PARTICLES.contains(w) || w.matches("\\p{Lu}[\\p{L}'’.-]*") && !w.matches(".*\\d.*");
    }
}
