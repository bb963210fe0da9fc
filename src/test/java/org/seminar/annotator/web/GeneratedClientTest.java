package org.seminar.annotator.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.seminar.annotator.support.Tokens;

/**
 * A client generated from {@code /q/openapi} works the first time, with no hand edits: openapi-generator's own command
 * line (7.25.0, its default Java client: OkHttp and Gson, which refuses a null where the description promises a value and
 * a field the description does not name) makes the client from the description this app serves; it is compiled with a
 * script written as a client's author would write it ({@code src/test/resources/generated-client/SeminarRoundTrip.java}),
 * and the script runs against the app: a PDF imported and published, the document listed and read, an annotation made,
 * a reply, the history, and each download (report, CSV, Markdown, JSON-LD, {@code .qdpx}).
 */
@QuarkusTest
class GeneratedClientTest {

    private static final Path WORK = Path.of("target/generated-client");
    private static final Path GENERATOR = Path.of("target/tools/openapi-generator-cli.jar");

    @TestHTTPResource("/")
    URL base;

    @Test
    void aClientGeneratedFromTheDescriptionDoesARoundTrip() throws Exception {
        assertTrue(Files.isRegularFile(GENERATOR), "the build copies openapi-generator's command line to " + GENERATOR);
        org.seminar.annotator.support.TestServers.deleteTree(WORK);
        Files.createDirectories(WORK);
        Path description = WORK.resolve("openapi.json");
        Files.writeString(description, given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200).extract().asString());

        Process generate = new ProcessBuilder(javaBinary(), "-jar", GENERATOR.toString(), "generate", "-g", "java", "-i", description.toString(),
                "-o", WORK.resolve("client").toString(), "--additional-properties=useJakartaEe=true,useSingleRequestParameter=true,"
                        + "invokerPackage=org.example.seminar,apiPackage=org.example.seminar.api,modelPackage=org.example.seminar.model")
                .redirectErrorStream(true).redirectOutput(WORK.resolve("generate.log").toFile()).start();
        assertTrue(generate.waitFor(5, TimeUnit.MINUTES), "openapi-generator finished");
        assertEquals(0, generate.exitValue(), Files.readString(WORK.resolve("generate.log")));

        List<String> sources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(WORK.resolve("client/src/main/java"))) {
            files.filter(p -> p.toString().endsWith(".java")).forEach(p -> sources.add(p.toString()));
        }
        sources.add("src/test/resources/generated-client/SeminarRoundTrip.java");
        Path classes = Files.createDirectories(WORK.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        java.io.ByteArrayOutputStream errors = new java.io.ByteArrayOutputStream();
        List<String> arguments = new ArrayList<>(List.of("-nowarn", "-proc:none", "-encoding", "UTF-8", "-d", classes.toString(), "-cp", clientLibraries()));
        arguments.addAll(sources);
        int compiled = javac.run(null, null, errors, arguments.toArray(String[]::new));
        assertEquals(0, compiled, "the generated client and the script compile unchanged:\n" + errors.toString(StandardCharsets.UTF_8));

        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            Method run = loader.loadClass("org.example.seminar.usage.SeminarRoundTrip").getMethod("run", String.class, String.class, String.class,
                    String.class, File.class);
            @SuppressWarnings("unchecked")
            Map<String, Object> seen = (Map<String, Object>) run.invoke(null, base.toString().replaceAll("/$", ""), Tokens.of("admin"),
                    Tokens.of("reviewer1"), Tokens.of("reviewer2"), new File("src/test/resources/pdf-corpus/15-hindawi-heart-failure.pdf"));
            System.out.println("Generated client saw: " + seen.keySet());
            assertTrue((Integer) seen.get("reviewSections") > 0, "the import review");
            assertEquals(true, seen.get("listed"));
            assertTrue(String.valueOf(seen.get("title")).contains("Heart Failure"), String.valueOf(seen.get("title")));
            assertEquals("null", seen.get("correctedAt"), "a document never corrected: null, which the description allows");
            assertEquals(1, seen.get("replies"));
            assertTrue((Integer) seen.get("history") >= 1);
            assertEquals(1, seen.get("listedAnnotations"));
            assertTrue(String.valueOf(seen.get("csv")).contains((String) seen.get("annotation")), "the CSV names the annotation");
            assertTrue(String.valueOf(seen.get("markdown")).contains("neutrality"));
            assertTrue(String.valueOf(seen.get("jsonld")).contains("AnnotationCollection"));
            assertEquals(true, seen.get("qdpxProject"));
            assertTrue((Integer) seen.get("tags") >= 3);
            assertEquals("reviewer1", seen.get("me"));
        }
    }

    /** The libraries the generated client's own build file names (OkHttp, Gson, gson-fire, jackson-databind-nullable), found where the tests load them. */
    private static String clientLibraries() throws Exception {
        List<String> jars = new ArrayList<>();
        for (String marker : List.of("okhttp3.OkHttpClient", "okhttp3.logging.HttpLoggingInterceptor", "okio.Okio", "kotlin.Unit",
                "com.google.gson.Gson", "io.gsonfire.GsonFireBuilder", "org.openapitools.jackson.nullable.JsonNullable",
                "jakarta.annotation.Nullable", "com.fasterxml.jackson.databind.ObjectMapper", "com.fasterxml.jackson.core.JsonFactory",
                "com.fasterxml.jackson.annotation.JsonProperty")) {
            jars.add(Path.of(Class.forName(marker).getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        }
        return String.join(File.pathSeparator, jars);
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
