package org.seminar.annotator.web;

/** Which part of the URL space a path belongs to: the JSON API or the HTML pages. */
public final class Paths {

    private Paths() {
    }

    public static boolean isApi(String path) {
        return path != null && (path.equals("/api") || path.startsWith("/api/"));
    }
}
