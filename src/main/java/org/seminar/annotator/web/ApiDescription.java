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
            "404", "No such resource, or not one the caller may see");

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
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : item.getOperations().values()) {
                operation.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme(BEARER),
                        OASFactory.createSecurityRequirement().addScheme(SESSION)));
                if (operation.getResponses() == null) {
                    operation.setResponses(OASFactory.createAPIResponses());
                }
                APIResponses responses = operation.getResponses();
                PROBLEMS.forEach((status, description) -> responses.addAPIResponse(status, OASFactory.createAPIResponse()
                        .description(description).content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM))))));
            }
        }
    }
}
