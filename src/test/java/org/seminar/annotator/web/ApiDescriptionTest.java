package org.seminar.annotator.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document describes the whole JSON API: every resource method found by reflection
 * under {@code /api} and {@code /annotations} is in it, with a success response that has a schema
 * (unless it answers 204, deletes, or is an OPTIONS), a request body schema when it reads one, the problem answers, and the two
 * ways to sign in. A new endpoint that the description misses fails here.
 */
@QuarkusTest
class ApiDescriptionTest {

    record Endpoint(String method, String path, Method java) {
    }

    static List<Endpoint> endpoints() {
        List<Endpoint> all = new ArrayList<>();
        for (JavaClass c : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.seminar.annotator")) {
            Class<?> type = c.reflect();
            Path base = type.getAnnotation(Path.class);
            if (base == null) {
                continue;
            }
            for (Method m : type.getDeclaredMethods()) {
                for (Annotation a : m.getAnnotations()) {
                    HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
                    if (http == null) {
                        continue;
                    }
                    Path sub = m.getAnnotation(Path.class);
                    String path = normalise(base.value() + (sub == null ? "" : "/" + sub.value()));
                    if (Paths.isApi(path)) {
                        all.add(new Endpoint(http.value().toLowerCase(), path, m));
                    }
                }
            }
        }
        return all;
    }

    /** {@code /a//{id: [0-9]+}/} → {@code /a/{id}}: the form OpenAPI paths take. */
    static String normalise(String path) {
        String p = path.replaceAll("\\{\\s*(\\w+)\\s*:[^}]*(\\}[^}/]*)?\\}", "{$1}").replaceAll("/+", "/");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    @Test
    void everyResourceMethodOfTheApiIsDescribedWithItsSchemasAndProblems() {
        JsonPath doc = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        Map<String, Map<String, Object>> described = new java.util.HashMap<>();
        paths.forEach((p, item) -> described.put(normalise(p), item));
        List<Endpoint> endpoints = endpoints();
        assertTrue(endpoints.size() > 30, "found by reflection: " + endpoints.size());
        List<String> missing = new ArrayList<>();
        for (Endpoint e : endpoints) {
            String where = e.method() + " " + e.path() + " (" + e.java().getDeclaringClass().getSimpleName() + "." + e.java().getName() + ")";
            Map<String, Object> item = described.get(e.path());
            @SuppressWarnings("unchecked")
            Map<String, Object> operation = item == null ? null : (Map<String, Object>) item.get(e.method());
            if (operation == null) {
                missing.add(where + ": not described");
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) operation.get("responses");
            String success = responses.keySet().stream().filter(s -> s.startsWith("2")).findFirst().orElse(null);
            if (success == null) {
                missing.add(where + ": no success response");
            } else if (!success.equals("204") && !e.method().equals("delete") && !e.method().equals("options") && !hasSchema(responses.get(success))) {
                missing.add(where + ": success response " + success + " without a schema");
            }
            Map<String, Object> problem = responses.get("401");
            if (problem == null || !String.valueOf(problem.get("content")).contains("application/problem+json")) {
                missing.add(where + ": no problem+json answer");
            }
            if (readsABody(e.java()) && (operation.get("requestBody") == null || !hasSchema((Map<String, Object>) operation.get("requestBody")))) {
                missing.add(where + ": request body without a schema");
            }
            if (!String.valueOf(operation.get("security")).contains("bearer") || !String.valueOf(operation.get("security")).contains("session")) {
                missing.add(where + ": no security requirement");
            }
        }
        assertEquals(List.of(), missing);
        assertEquals(Set.of("bearer", "session"), doc.getMap("components.securitySchemes").keySet());
        assertTrue(paths.keySet().stream().allMatch(Paths::isApi), "pages are not the API: " + paths.keySet());
    }

    @io.quarkus.test.common.http.TestHTTPResource("/q/swagger-ui/")
    java.net.URL swaggerUi;

    @Test
    void swaggerUiShowsTheOperationsWithoutContentSecurityPolicyViolations() {
        given().get("/q/swagger-ui/").then().statusCode(200).contentType(org.hamcrest.Matchers.containsString("text/html"))
                .header("Content-Security-Policy", org.hamcrest.Matchers.containsString("script-src 'self' 'unsafe-inline'"));
        given().get("/").then().header("Content-Security-Policy", org.hamcrest.Matchers.containsString("script-src 'self';"));
        try (org.seminar.annotator.support.Browser browser = new org.seminar.annotator.support.Browser()) {
            browser.driver.get(swaggerUi.toString());
            browser.waitUpTo(java.time.Duration.ofSeconds(15)).until(d -> d.findElements(org.openqa.selenium.By.cssSelector(".opblock")).size() > 30);
            assertEquals(List.of(), browser.cspViolations());
            assertTrue(browser.driver.findElement(org.openqa.selenium.By.cssSelector(".info .title")).getText().contains("Seminar annotator API"));
        }
    }

    @SuppressWarnings("unchecked")
    static boolean hasSchema(Map<String, Object> withContent) {
        Object content = withContent.get("content");
        if (!(content instanceof Map<?, ?> media) || media.isEmpty()) {
            return false;
        }
        return media.values().stream().allMatch(m -> m instanceof Map<?, ?> mm && mm.get("schema") instanceof Map<?, ?> schema && !schema.isEmpty());
    }

    static boolean readsABody(Method m) {
        Set<Class<? extends Annotation>> notBody = Set.of(PathParam.class, QueryParam.class, HeaderParam.class, BeanParam.class,
                Context.class, CookieParam.class, FormParam.class, MatrixParam.class);
        for (Parameter p : m.getParameters()) {
            if (java.util.Arrays.stream(p.getAnnotations()).noneMatch(a -> notBody.contains(a.annotationType()))
                    && !p.getType().getName().startsWith("io.vertx")) {
                return true;
            }
        }
        return false;
    }
}
