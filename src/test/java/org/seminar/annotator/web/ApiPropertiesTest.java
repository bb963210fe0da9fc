package org.seminar.annotator.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.seminar.annotator.support.Accounts;
import org.seminar.annotator.support.Documents;
import org.seminar.annotator.support.Tokens;

/**
 * Property-based check of the API against its own description, the idea of Schemathesis in Java: for every operation of
 * {@code /q/openapi}, requests are generated from the description (path and query parameters from their schemas, bodies
 * from the request schemas, each valid or mutated: a wrong type, a missing required field, an unknown field, a null,
 * random text), sent as nobody, a reviewer of another group, a reviewer and an admin. Every answer must be a status the
 * operation describes, never a 5xx, in a media type described for that status, and a JSON body must validate against the
 * schema described for it. Calls that would change the shared demo accounts or codebook aim at objects made here for the
 * purpose. The seed is fixed (set {@code -Dapi.properties.seed} to explore others) and printed with any failure.
 */
@QuarkusTest
class ApiPropertiesTest {

    private static final int PER_OPERATION = Integer.getInteger("api.properties.perOperation", 16);
    private static final long SEED = Long.getLong("api.properties.seed", 20261206L);
    private static final String[] CALLERS = {null, "reviewer4", "reviewer1", "admin"};
    private static final String[] STRANGE = {"x", "0", "-1", " ", "...", "a b", "ü", "'", "\"", "<b>", "9999999999999999999999", "null",
            "true", ";", "\u0000", "/", "\u202e", "a".repeat(300), "1e309", "-0"};

    private final ObjectMapper json = new ObjectMapper();
    private final Random random = new Random(SEED);
    private JsonNode api;

    @Test
    void everyAnswerIsDescribedAndMatchesItsSchema() throws Exception {
        api = json.readTree(given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        Map<String, String> known = fixtures();
        Map<String, Integer> statuses = new TreeMap<>();
        List<String> undocumented = new ArrayList<>();
        List<String> violations = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        int requests = 0;
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = api.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                String method = op.getKey().toUpperCase();
                if (!List.of("GET", "PUT", "POST", "DELETE").contains(method)) {
                    continue;
                }
                operations++;
                for (int i = 0; i < PER_OPERATION; i++) {
                    Call call = generate(path.getKey(), method, op.getValue(), known, i);
                    if (call == null) {
                        continue;
                    }
                    Response answer = call.send();
                    requests++;
                    String what = method + " " + path.getKey() + " (" + call.describe() + ") -> " + answer.statusCode();
                    statuses.merge(answer.statusCode() / 100 + "xx", 1, Integer::sum);
                    if (answer.statusCode() >= 500) {
                        errors.add(what + ": " + answer.asString());
                        continue;
                    }
                    JsonNode described = op.getValue().path("responses").path(String.valueOf(answer.statusCode()));
                    if (described.isMissingNode()) {
                        undocumented.add(what);
                        continue;
                    }
                    check(what, described, answer, violations);
                }
            }
        }
        System.out.printf("API properties (seed %d): %d operations, %d requests, answers %s; 5xx %d, undocumented statuses %d, schema violations %d%n",
                SEED, operations, requests, statuses, errors.size(), undocumented.size(), violations.size());
        errors.stream().limit(20).forEach(e -> System.out.println("  5xx: " + e));
        undocumented.stream().limit(40).forEach(e -> System.out.println("  undocumented: " + e));
        violations.stream().limit(40).forEach(e -> System.out.println("  violation: " + e));
        assertTrue(operations > 60, "the description's operations were walked");
        assertEquals(List.of(), errors, "seed " + SEED);
        assertEquals(List.of(), undocumented, "seed " + SEED);
        assertEquals(List.of(), violations, "seed " + SEED);
    }

    /** Objects the generated calls may change: a document, an annotation, a reply, an account and a group of this test's own. */
    private Map<String, String> fixtures() {
        Map<String, String> known = new LinkedHashMap<>();
        String doc = Documents.importText("Property walk\n\nA paragraph that generated requests may annotate and change.\n\nA second one.");
        var d = Documents.document(doc);
        known.put("document", doc);
        known.put("paragraph", d.getString("sections[0].paragraphs[0].id"));
        known.put("section", d.getString("sections[0].id"));
        String annotation = given().header("Authorization", Tokens.bearer("reviewer1")).contentType("application/json")
                .body(Map.of("paragraphId", known.get("paragraph"), "start", 2, "end", 11, "quote", "paragraph", "tags", List.of("neutrality"),
                        "comment", "Walked"))
                .post("/api/documents/" + doc + "/annotations").then().statusCode(201).extract().path("id");
        known.put("annotation", annotation);
        known.put("reply", given().header("Authorization", Tokens.bearer("reviewer2")).contentType("application/json")
                .body(Map.of("comment", "A reply")).post("/api/annotations/" + annotation + "/replies").then().statusCode(201).extract().path("id"));
        String group = "walk-" + Long.toString(SEED, 36) + "-" + System.nanoTime() % 100000;
        known.put("group", given().header("Authorization", Tokens.bearer("admin")).contentType("application/json").body(Map.of("name", group))
                .post("/api/admin/groups").then().statusCode(201).extract().path("id"));
        known.put("user", Accounts.create("walk" + System.nanoTime() % 1000000, "walk-password-1", List.of("reviewer"), List.of(group)));
        return known;
    }

    private record Call(String method, String path, Map<String, Object> query, String contentType, Object body, String caller) {

        Response send() {
            RequestSpecification request = given().config(RestAssuredConfig.config().redirect(RedirectConfig.redirectConfig().followRedirects(false)))
                    .urlEncodingEnabled(false);
            if (caller != null) {
                request = request.header("Authorization", Tokens.bearer(caller));
            }
            query.forEach(request::queryParam);
            if (body != null) {
                request = request.contentType(contentType).body(String.valueOf(body).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            return request.request(method, path);
        }

        String describe() {
            String b = body == null ? "" : String.valueOf(body);
            return "as " + caller + ", " + path + (query.isEmpty() ? "" : " " + query) + (body == null ? "" : ", " + contentType + " "
                    + (b.length() > 120 ? b.substring(0, 120) + "…" : b));
        }
    }

    private Call generate(String template, String method, JsonNode op, Map<String, String> known, int round) throws Exception {
        boolean valid = round % 3 != 2;
        String caller = CALLERS[round % CALLERS.length];
        String path = template;
        Map<String, Object> query = new LinkedHashMap<>();
        for (JsonNode parameter : op.path("parameters")) {
            String name = parameter.path("name").asText();
            String in = parameter.path("in").asText();
            if (in.equals("path")) {
                String value = valid ? pathValue(template, name, known) : strange();
                if (value == null) {
                    value = strange();
                }
                path = path.replace("{" + name + "}", encode(value));
            } else if (in.equals("query") && random.nextInt(3) > 0) {
                query.put(name, encode(valid ? String.valueOf(instance(parameter.path("schema"), 0)) : strange()));
            }
        }
        if (template.endsWith("/events") && valid) {
            return null; // an event stream with a real document stays open: its answers are checked by the live tests
        }
        if (template.equals("/api/admin/users/import")) {
            return null;
        }
        boolean validBody = valid && mayCreate(template, method);
        String contentType = null;
        Object body = null;
        JsonNode content = op.path("requestBody").path("content");
        if (content.size() > 0) {
            List<String> types = new ArrayList<>();
            content.fieldNames().forEachRemaining(types::add);
            contentType = types.get(random.nextInt(types.size()));
            JsonNode schema = content.path(contentType).path("schema");
            if (contentType.contains("json")) {
                JsonNode made = json.valueToTree(instance(schema, 0));
                body = json.writeValueAsString(validBody ? made : mutate(made));
            } else {
                body = !mayCreate(template, method) ? " " : validBody && contentType.equals("text/plain") ? "Title\n\nA paragraph made by the property walk." : strange();
            }
        }
        return new Call(method, path, query, contentType, body, caller);
    }

    /**
     * Creating codebook entries, accounts, groups or documents with valid bodies would change what every other test of this
     * run reads (the codebook, the realm, the document list): those operations get only mutated bodies here; their valid
     * forms are TagApiTest's, AdminApiTest's and DocumentApiTest's. Generated class lists are not sent at all (any line of
     * text can be a valid one).
     */
    private static boolean mayCreate(String template, String method) {
        return !(method.equals("POST") && List.of("/api/tags", "/api/admin/users", "/api/admin/groups", "/api/documents").contains(template));
    }

    private String pathValue(String template, String name, Map<String, String> known) {
        return switch (name) {
            case "documentId", "docId" -> known.get("document");
            case "annotationId" -> known.get("annotation");
            case "replyId" -> known.get("reply");
            case "paragraphId" -> known.get("paragraph");
            case "sectionId" -> known.get("section");
            case "groupId" -> known.get("group");
            case "slug" -> "no-such-tag";
            case "id" -> template.startsWith("/api/annotations") ? known.get("annotation")
                    : template.startsWith("/api/admin/users") ? known.get("user")
                    : template.startsWith("/api/admin/groups") ? known.get("group") : known.get("document");
            default -> null;
        };
    }

    /**
     * Sent as typed: encoded once, so that what the server decodes is the value itself. (No {@code .} or {@code ..}: as a
     * path segment they are not a value but a step up the path, removed before routing, RFC 3986 5.2.4.)
     */
    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    private String strange() {
        return STRANGE[random.nextInt(STRANGE.length)];
    }

    /** A value the schema allows, made at random. */
    private Object instance(JsonNode schema, int depth) {
        if (schema.has("$ref")) {
            return instance(api.at(schema.path("$ref").asText().substring(1)), depth);
        }
        for (String choice : List.of("oneOf", "anyOf")) {
            if (schema.has(choice)) {
                JsonNode options = schema.path(choice);
                return instance(options.get(random.nextInt(options.size())), depth);
            }
        }
        if (schema.has("enum")) {
            JsonNode values = schema.path("enum");
            return json.convertValue(values.get(random.nextInt(values.size())), Object.class);
        }
        String type = schema.path("type").isArray() ? schema.path("type").get(0).asText() : schema.path("type").asText("object");
        switch (type) {
            case "integer":
            case "number": {
                long min = schema.path("minimum").asLong(0);
                long max = schema.path("maximum").asLong(Math.max(min + 50, 50));
                return min + random.nextInt((int) Math.min(Integer.MAX_VALUE, max - min + 1));
            }
            case "boolean":
                return random.nextBoolean();
            case "array": {
                List<Object> items = new ArrayList<>();
                int n = depth > 2 ? 0 : random.nextInt(3);
                for (int i = 0; i < n; i++) {
                    items.add(instance(schema.path("items"), depth + 1));
                }
                return items;
            }
            case "object": {
                Map<String, Object> object = new LinkedHashMap<>();
                List<String> required = new ArrayList<>();
                schema.path("required").forEach(r -> required.add(r.asText()));
                for (Iterator<Map.Entry<String, JsonNode>> p = schema.path("properties").fields(); p.hasNext();) {
                    Map.Entry<String, JsonNode> property = p.next();
                    if (depth < 3 && (required.contains(property.getKey()) || random.nextBoolean())) {
                        object.put(property.getKey(), instance(property.getValue(), depth + 1));
                    }
                }
                return object;
            }
            default: {
                if ("date".equals(schema.path("format").asText())) {
                    return "2027-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10);
                }
                if ("date-time".equals(schema.path("format").asText())) {
                    return "2027-01-1" + random.nextInt(10) + "T10:00:00Z";
                }
                String[] words = {"neutrality", "a reviewer's note", "Übersicht", "#0a7f3f", "x", "strategic-autonomy", "  spaced  "};
                return words[random.nextInt(words.length)];
            }
        }
    }

    /** The instance made wrong in one way. */
    private JsonNode mutate(JsonNode made) {
        int how = random.nextInt(5);
        if (!made.isObject() || made.size() == 0 || how == 0) {
            return json.getNodeFactory().textNode(strange());
        }
        ObjectNode object = made.deepCopy();
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        String name = names.get(random.nextInt(names.size()));
        switch (how) {
            case 1 -> object.remove(name);
            case 2 -> object.putNull(name);
            case 3 -> object.put(name, object.path(name).isTextual() ? json.getNodeFactory().numberNode(random.nextInt(100))
                    : json.getNodeFactory().textNode(strange()));
            default -> object.put("unexpected" + random.nextInt(9), strange());
        }
        return object;
    }

    private void check(String what, JsonNode described, Response answer, List<String> violations) throws Exception {
        JsonNode content = described.path("content");
        String type = answer.contentType() == null ? "" : answer.contentType().split(";")[0].strip();
        if (content.size() == 0 || answer.asByteArray().length == 0) {
            return;
        }
        if (!content.has(type)) {
            List<String> declared = new ArrayList<>();
            content.fieldNames().forEachRemaining(declared::add);
            if (!declared.contains("*/*")) {
                violations.add(what + ": answered " + type + ", described " + declared);
            }
            return;
        }
        if (!type.contains("json") || !content.path(type).has("schema")) {
            return;
        }
        String pointer = content.path(type).path("schema").toString();
        ObjectNode schema = api.deepCopy();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.setAll((ObjectNode) json.readTree(pointer));
        JsonSchema validator = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema);
        validator.validate(json.readTree(answer.asString())).forEach(m -> violations.add(what + ": " + m.getMessage()));
    }
}
