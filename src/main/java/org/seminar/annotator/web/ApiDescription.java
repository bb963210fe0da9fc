package org.seminar.annotator.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * The OpenAPI description of the JSON API, served at {@code /q/openapi} (Swagger UI at
 * {@code /q/swagger-ui}). Operations come from the resource classes; this class adds what every
 * operation shares: the two ways to sign in (a bearer access token of the realm, or the browser's
 * session cookie) and the problem+json answers of {@link ErrorResponses}. The HTML pages are not part
 * of the API and are left out.
 */
public class ApiDescription implements OASFilter {

    static final String BEARER = "bearer";
    static final String SESSION = "session";
    static final String PROBLEM = "Problem";

    /** The problem answers every API operation can give, besides its own. */
    static final Map<String, String> PROBLEMS = Map.of(
            "400", "The request is malformed or a field is invalid (the problem names it); nothing was changed",
            "401", "Not signed in, or the account is disabled",
            "403", "Signed in, but not allowed to do this",
            "404", "No such resource, or not one the caller may see",
            "406", "None of the media types in Accept is one this operation answers with",
            "414", "The address (path and query) is longer than the server reads");

    /** The answers of every operation that takes a body. */
    static final Map<String, String> BODY_PROBLEMS = Map.of(
            "409", "Changed meanwhile by someone else, or in conflict with the current state (the problem says which); nothing was changed: reload and try again",
            "413", "The body is larger than this operation takes",
            "415", "The body's Content-Type is not one this operation reads");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            for (String path : new ArrayList<>(openAPI.getPaths().getPathItems().keySet())) {
                if (!Paths.isApi(path)) {
                    openAPI.getPaths().removePathItem(path);
                }
            }
        }
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        ApiSchemas.keepOnlyReferenced(openAPI);
        ApiSchemas.nullableUnlessRequired(openAPI);
        openAPI.getComponents().addSchema("FieldError", OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .addProperty("field", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))
                        .description("The field at fault, as the client sent it (body, a JSON property path, or a parameter)"))
                .addProperty("message", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))));
        openAPI.getComponents().addSchema(PROBLEM, OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("RFC 9457 problem details")
                .addProperty("type", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                .addProperty("title", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                .addProperty("status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)))
                .addProperty("detail", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                .addProperty("instance", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                .addProperty("errors", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY))
                        .items(OASFactory.createSchema().ref("FieldError")))
                .required(List.of("title", "status")));
        openAPI.getComponents().addSecurityScheme(BEARER, OASFactory.createSecurityScheme()
                .type(org.eclipse.microprofile.openapi.models.security.SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                .description("An access token of the seminar realm issued to the annotator-web client"));
        openAPI.getComponents().addSecurityScheme(SESSION, OASFactory.createSecurityScheme()
                .type(org.eclipse.microprofile.openapi.models.security.SecurityScheme.Type.APIKEY)
                .in(org.eclipse.microprofile.openapi.models.security.SecurityScheme.In.COOKIE).name("q_session")
                .description("The browser's sign-in session; writes also need a same-origin Origin header"));
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        ApiOperations.name(openAPI);
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.getOperations().entrySet()) {
                Operation operation = entry.getValue();
                operation.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme(BEARER),
                        OASFactory.createSecurityRequirement().addScheme(SESSION)));
                if (operation.getResponses() == null) {
                    operation.setResponses(OASFactory.createAPIResponses());
                }
                APIResponses responses = operation.getResponses();
                PROBLEMS.forEach((status, description) -> addProblem(responses, status, description));
                boolean writes = entry.getKey() != PathItem.HttpMethod.GET && entry.getKey() != PathItem.HttpMethod.HEAD
                        && entry.getKey() != PathItem.HttpMethod.OPTIONS;
                if (writes) {
                    addProblem(responses, "409", BODY_PROBLEMS.get("409"));
                }
                if (operation.getRequestBody() != null) {
                    addProblem(responses, "413", BODY_PROBLEMS.get("413"));
                    addProblem(responses, "415", BODY_PROBLEMS.get("415"));
                }
                if (ApiOperations.hasHeader(operation, "If-None-Match") && !responses.hasAPIResponse("304")) {
                    responses.addAPIResponse("304", OASFactory.createAPIResponse()
                            .description("Not modified since the version named in If-None-Match: the copy the client has is current"));
                }
            }
        }
    }

    /** A problem answer, unless the operation describes that status itself. */
    private static void addProblem(APIResponses responses, String status, String description) {
        if (responses.hasAPIResponse(status) && responses.getAPIResponse(status).getContent() != null
                && responses.getAPIResponse(status).getContent().hasMediaType(Problem.MEDIA_TYPE)) {
            return;
        }
        String own = responses.hasAPIResponse(status) ? responses.getAPIResponse(status).getDescription() : null;
        responses.addAPIResponse(status, OASFactory.createAPIResponse().description(own != null ? own : description)
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM)))));
    }
}
