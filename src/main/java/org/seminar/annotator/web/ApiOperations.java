package org.seminar.annotator.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;

/**
 * The names a generated client takes from the description: each operation a unique {@code operationId} (the resource
 * method's name, set by {@code quarkus.smallrye-openapi.operation-id-strategy=METHOD}; a name two resources share gets its
 * tag in front), tags named for what they hold ("Annotation", not "Annotation Resource"), and each W3C container at its
 * real address, which ends with a slash ({@code /annotations/{documentId}/}): without it a client would call the address of an
 * annotation, and {@code /annotations/{documentId}/{groupId}} would read as the same template as one.
 */
final class ApiOperations {

    private ApiOperations() {
    }

    static void name(OpenAPI openAPI) {
        Map<String, PathItem> items = openAPI.getPaths().getPathItems();
        Map<String, PathItem> renamed = new LinkedHashMap<>();
        for (Map.Entry<String, PathItem> item : items.entrySet()) {
            renamed.put(isContainer(item.getKey()) ? item.getKey() + "/" : item.getKey(), item.getValue());
        }
        for (String path : new ArrayList<>(items.keySet())) {
            openAPI.getPaths().removePathItem(path);
        }
        renamed.forEach(openAPI.getPaths()::addPathItem);

        Map<String, Integer> uses = new HashMap<>();
        List<Operation> operations = new ArrayList<>();
        for (PathItem item : renamed.values()) {
            for (Operation operation : item.getOperations().values()) {
                if (operation.getTags() != null) {
                    operation.setTags(operation.getTags().stream().map(ApiOperations::tag).toList());
                }
                operations.add(operation);
                uses.merge(operation.getOperationId(), 1, Integer::sum);
            }
        }
        if (openAPI.getTags() != null) {
            openAPI.getTags().forEach(t -> t.setName(tag(t.getName())));
        }
        for (Operation operation : operations) {
            String id = operation.getOperationId();
            if (id != null && uses.get(id) > 1 && operation.getTags() != null && !operation.getTags().isEmpty()) {
                String tag = operation.getTags().get(0).replaceAll("[^A-Za-z]", "");
                operation.setOperationId(Character.toLowerCase(tag.charAt(0)) + tag.substring(1) + Character.toUpperCase(id.charAt(0))
                        + id.substring(1));
            }
        }
    }

    /** {@code /annotations/{documentId}} and {@code /annotations/{documentId}/{groupId}}: the containers. */
    private static boolean isContainer(String path) {
        return path.equals("/annotations/{documentId}") || path.equals("/annotations/{documentId}/{groupId}");
    }

    private static String tag(String name) {
        return name.replaceAll("( Api)? Resource$", "");
    }

    static boolean hasHeader(Operation operation, String header) {
        return operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> p.getIn() == org.eclipse.microprofile.openapi.models.parameters.Parameter.In.HEADER
                        && header.equalsIgnoreCase(p.getName()));
    }
}
