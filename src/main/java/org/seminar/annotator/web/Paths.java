package org.seminar.annotator.web;

/** Which part of the URL space a request belongs to (JSON API or HTML pages), and whether it carries a session. */
public final class Paths {

    private Paths() {
    }

    /** The code-flow session cookie, {@code q_session}, possibly split into chunks or token parts. */
    private static final java.util.regex.Pattern SESSION_COOKIE = java.util.regex.Pattern.compile("(^|;\\s*)q_session(_[a-z0-9]+)?=");

    /** Whether a {@code Cookie} header carries the browser's sign-in session. */
    public static boolean hasSessionCookie(String cookieHeader) {
        return cookieHeader != null && SESSION_COOKIE.matcher(cookieHeader).find();
    }

    /** The W3C Web Annotation Protocol containers, {@code /annotations/{documentId}/}. */
    public static boolean isAnnotationProtocol(String path) {
        return path != null && path.startsWith("/annotations/");
    }

    /** The JSON API, {@code /api/**}, and the W3C Web Annotation Protocol containers, {@code /annotations/**}. */
    public static boolean isApi(String path) {
        return path != null && (path.equals("/api") || path.startsWith("/api/") || isAnnotationProtocol(path));
    }
}
