package org.seminar.annotator.support;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The app's GET routes, found by reflection over its resource classes: what route-enumerating tests walk. */
public final class Routes {

    private Routes() {
    }

    /** Every GET route of the app's resources, parameters written {@code {}}, regex alternatives expanded. */
    public static Set<String> get() throws IOException, URISyntaxException, ClassNotFoundException {
        return new TreeSet<>(methods().entrySet().stream().filter(e -> e.getValue().contains("GET")).map(Map.Entry::getKey).toList());
    }

    /** Every route of the app's resources (written as {@link #get()} writes them) with the HTTP methods its resources declare. */
    public static Map<String, Set<String>> methods() throws IOException, URISyntaxException, ClassNotFoundException {
        java.nio.file.Path classes = Paths.get(Routes.class.getClassLoader()
                .getResource("org/seminar/annotator/web/Paths.class").toURI()).getParent().getParent();
        Map<String, Set<String>> routes = new TreeMap<>();
        List<java.nio.file.Path> files;
        try (Stream<java.nio.file.Path> walk = Files.walk(classes)) {
            files = walk.filter(p -> p.toString().endsWith(".class")).toList();
        }
        for (java.nio.file.Path file : files) {
            String name = "org.seminar.annotator." + classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
            Class<?> type = Class.forName(name, false, Routes.class.getClassLoader());
            Path classPath = type.getAnnotation(Path.class);
            if (classPath == null) {
                continue;
            }
            for (Method m : type.getDeclaredMethods()) {
                for (Annotation a : m.getAnnotations()) {
                    HttpMethod verb = a.annotationType().getAnnotation(HttpMethod.class);
                    if (verb != null) {
                        Path methodPath = m.getAnnotation(Path.class);
                        for (String route : expand(join(classPath.value(), methodPath == null ? "" : methodPath.value()))) {
                            routes.computeIfAbsent(route, r -> new TreeSet<>()).add(verb.value());
                        }
                    }
                }
            }
        }
        return routes;
    }

    private static String join(String a, String b) {
        String path = ("/" + a + "/" + b).replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static final Pattern PARAM = Pattern.compile("\\{\\s*\\w+\\s*(:\\s*([^}]*))?}");

    /** A parameter's regex that is more than literal alternatives ({@code [0-9a-f]+}): written {@code {~}}. */
    private static final Pattern PATTERN_REGEX = Pattern.compile("[\\[\\](){}+*?^$]");

    /**
     * {@code /a/{id}/{kind: x\.y|z}} becomes {@code /a/{}/x.y} and {@code /a/{}/z}; {@code /a/{group: [0-9a-f]+}} becomes
     * {@code /a/{~}}.
     */
    static List<String> expand(String path) {
        Matcher m = PARAM.matcher(path);
        if (!m.find()) {
            return List.of(path);
        }
        String before = path.substring(0, m.start());
        String after = path.substring(m.end());
        List<String> heads = m.group(2) == null ? List.of("{}")
                : PATTERN_REGEX.matcher(m.group(2).replace("\\.", "")).find() ? List.of("{~}")
                : Stream.of(m.group(2).split("\\|")).map(alt -> alt.strip().replace("\\.", ".")).toList();
        List<String> result = new ArrayList<>();
        for (String head : heads) {
            for (String tail : expand(after)) {
                result.add(before + head + tail);
            }
        }
        return result;
    }
}
