package org.seminar.annotator.web;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Two rules on the schemas of the API description. Only schemas the API's operations use are kept: the HTML pages'
 * types (Qute's {@code TemplateInstance}, its engine, …) are scanned too but belong to no API operation. And a property
 * the server does not promise ({@code required}) may be null, as Jackson writes a record's absent values
 * ({@code correctedAt}, {@code dueDate}, a history entry's {@code replyId}): a generated client must accept null there.
 */
final class ApiSchemas {

    private static final String PREFIX = "#/components/schemas/";

    private ApiSchemas() {
    }

    static void keepOnlyReferenced(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Deque<Schema> todo = new ArrayDeque<>();
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            for (PathItem item : openAPI.getPaths().getPathItems().values()) {
                for (Operation operation : item.getOperations().values()) {
                    if (operation.getParameters() != null) {
                        operation.getParameters().forEach(p -> add(todo, p.getSchema()));
                    }
                    if (operation.getRequestBody() != null) {
                        content(todo, operation.getRequestBody().getContent());
                    }
                    if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                        operation.getResponses().getAPIResponses().values().forEach(r -> content(todo, r.getContent()));
                    }
                }
            }
        }
        Map<String, Schema> all = openAPI.getComponents().getSchemas();
        Set<String> used = new HashSet<>(List.of(ApiDescription.PROBLEM, "FieldError"));
        Set<Schema> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        while (!todo.isEmpty()) {
            Schema s = todo.pop();
            if (!seen.add(s)) {
                continue;
            }
            if (s.getRef() != null && s.getRef().startsWith(PREFIX)) {
                String name = s.getRef().substring(PREFIX.length());
                if (used.add(name) && all.get(name) != null) {
                    todo.push(all.get(name));
                }
            }
            children(s).forEach(c -> add(todo, c));
        }
        for (String name : new ArrayList<>(all.keySet())) {
            if (!used.contains(name)) {
                openAPI.getComponents().removeSchema(name);
            }
        }
    }

    static void nullableUnlessRequired(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        for (Schema schema : openAPI.getComponents().getSchemas().values()) {
            if (schema.getProperties() == null) {
                continue;
            }
            List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
            schema.getProperties().forEach((name, property) -> {
                if (!required.contains(name)) {
                    nullable(property);
                }
            });
        }
    }

    /** Adds null to a property's types; a reference becomes "that, or null". */
    private static void nullable(Schema property) {
        if (property.getRef() != null) {
            Schema ref = org.eclipse.microprofile.openapi.OASFactory.createSchema().ref(property.getRef());
            property.setRef(null);
            property.setAnyOf(List.of(ref, org.eclipse.microprofile.openapi.OASFactory.createSchema().type(List.of(Schema.SchemaType.NULL))));
        } else if (property.getType() != null && !property.getType().isEmpty() && !property.getType().contains(Schema.SchemaType.NULL)) {
            List<Schema.SchemaType> types = new ArrayList<>(property.getType());
            types.add(Schema.SchemaType.NULL);
            property.setType(types);
        } else if (property.getAllOf() != null && property.getType() == null) {
            property.setAnyOf(List.of(org.eclipse.microprofile.openapi.OASFactory.createSchema().allOf(property.getAllOf()),
                    org.eclipse.microprofile.openapi.OASFactory.createSchema().type(List.of(Schema.SchemaType.NULL))));
            property.setAllOf(null);
        }
    }

    private static void content(Deque<Schema> todo, Content content) {
        if (content != null && content.getMediaTypes() != null) {
            content.getMediaTypes().values().forEach(m -> add(todo, m.getSchema()));
        }
    }

    private static void add(Deque<Schema> todo, Schema s) {
        if (s != null) {
            todo.push(s);
        }
    }

    private static List<Schema> children(Schema s) {
        List<Schema> c = new ArrayList<>();
        if (s.getProperties() != null) {
            c.addAll(s.getProperties().values());
        }
        c.add(s.getItems());
        if (s.getAllOf() != null) {
            c.addAll(s.getAllOf());
        }
        if (s.getAnyOf() != null) {
            c.addAll(s.getAnyOf());
        }
        if (s.getOneOf() != null) {
            c.addAll(s.getOneOf());
        }
        if (s.getAdditionalPropertiesSchema() != null) {
            c.add(s.getAdditionalPropertiesSchema());
        }
        c.add(s.getNot());
        return c;
    }
}
