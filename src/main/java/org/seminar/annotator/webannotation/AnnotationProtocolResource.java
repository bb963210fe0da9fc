package org.seminar.annotator.webannotation;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Arrays;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.seminar.annotator.annotation.AnnotationViews;
import org.seminar.annotator.annotation.Readers;
import org.seminar.annotator.web.ConditionalGet;
import org.seminar.annotator.web.ParameterRules;
import org.seminar.annotator.web.ProblemException;
import org.seminar.annotator.web.PublicAddress;

/**
 * The W3C Web Annotation Protocol (https://www.w3.org/TR/annotation-protocol/) over HTTP: a
 * container per document and seminar group at {@code /annotations/{documentId}/} (the caller's
 * group, or {@code ?group=}), its pages, and each annotation at
 * {@code /annotations/{documentId}/{annotationId}}. Headers and status codes here; the translation
 * in {@link AnnotationProtocol}.
 */
@Path("/annotations/{documentId}")
@Authenticated
@Produces({"application/ld+json", "application/json"})
public class AnnotationProtocolResource {

    static final String CONTAINER_ALLOW = "GET, HEAD, OPTIONS, POST";
    static final String ANNOTATION_ALLOW = "GET, HEAD, OPTIONS, PUT, DELETE";
    static final String CONTAINER_LINKS = "<http://www.w3.org/ns/ldp#BasicContainer>; rel=\"type\", "
            + "<http://www.w3.org/TR/annotation-protocol/>; rel=\"http://www.w3.org/ns/ldp#constrainedBy\", "
            + "<" + ProtocolRefusals.CONSTRAINTS + ">; rel=\"http://www.w3.org/ns/ldp#constrainedBy\"";
    static final String ANNOTATION_LINKS = "<http://www.w3.org/ns/ldp#Resource>; rel=\"type\"";
    static final String PAGE_LINKS = "<http://www.w3.org/ns/oa#AnnotationPage>; rel=\"type\"";
    static final String VARY = "Accept, Prefer, Cookie, Authorization";

    @Inject
    AnnotationProtocol protocol;
    @Inject
    Readers readers;
    @Inject
    PublicAddress address;
    @Inject
    ConditionalGet conditional;

    /** A group's id in a container's address: Keycloak names groups by UUID (hex groups joined by dashes). */
    static final String GROUP = "{groupId: [0-9a-f]+(?:-[0-9a-f]+)+}";
    static final String PAGE_ALLOW = "GET, HEAD, OPTIONS";

    @GET
    @Path("/")
    @APIResponse(responseCode = "200", description = "The container (an LDP BasicContainer and AnnotationCollection) or, with ?page=, one AnnotationPage",
            content = @Content(mediaType = "application/ld+json", schema = @Schema(type = SchemaType.OBJECT, description = "W3C AnnotationCollection or AnnotationPage")))
    @APIResponse(responseCode = "300", description = "For members of several groups and admins (without ?group=): the containers to choose from, one per group, also as Link headers",
            content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.OBJECT, description = "{\"containers\": [{\"id\", \"group\"}]}")))
    public Response container(@PathParam("documentId") String documentId, @QueryParam("group") String group, @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "0")) @QueryParam("page") String page,
            @Parameter(schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("iris") String iris, @HeaderParam("Prefer") String prefer, @HeaderParam("If-None-Match") String ifNoneMatch,
            @Context HttpServerRequest request) {
        if ((group == null || group.isBlank()) && !protocol.hasOneContainer(readers.current())) {
            java.util.List<AnnotationProtocol.Choice> choices = protocol.choices(documentId, readers.current(), address.baseUrl(request));
            if (!choices.isEmpty()) {
                Response.ResponseBuilder answer = Response.status(300).entity(Map.of("containers", choices)).type("application/json");
                choices.forEach(c -> answer.header("Link", "<" + c.id() + ">; rel=\"alternate\"; title=\"" + c.group() + "\""));
                return answer.header("Vary", VARY).build();
            }
        }
        return describe(protocol.container(documentId, null, group, readers.current(), address.baseUrl(request)), page, iris, prefer, ifNoneMatch);
    }

    @GET
    @Path(GROUP + "/")
    @APIResponse(responseCode = "200", description = "One seminar group's container on the document, or with ?page= one AnnotationPage of it",
            content = @Content(mediaType = "application/ld+json", schema = @Schema(type = SchemaType.OBJECT, description = "W3C AnnotationCollection or AnnotationPage")))
    public Response groupContainer(@PathParam("documentId") String documentId, @PathParam("groupId") String groupId,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "0")) @QueryParam("page") String page, @Parameter(schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("iris") String iris, @HeaderParam("Prefer") String prefer,
            @HeaderParam("If-None-Match") String ifNoneMatch, @Context HttpServerRequest request) {
        return describe(protocol.container(documentId, groupId, null, readers.current(), address.baseUrl(request)), page, iris, prefer, ifNoneMatch);
    }

    private Response describe(AnnotationProtocol.Container c, String page, String iris, String prefer, String ifNoneMatch) {
        if (page != null) {
            int number = ParameterRules.integer("page", page, 0, Integer.MAX_VALUE);
            Map<String, Object> body = protocol.page(c, number, ParameterRules.flag("iris", iris), readers.current());
            return conditional.json(body, ifNoneMatch, WebAnnotations.MEDIA_TYPE, VARY).header("Link", PAGE_LINKS)
                    .header("Allow", PAGE_ALLOW).build();
        }
        AnnotationProtocol.Preference preference = AnnotationProtocol.Preference.of(prefer);
        if (preference == null && ParameterRules.flag("iris", iris)) {
            preference = AnnotationProtocol.Preference.IRIS;
        }
        Map<String, Object> body = protocol.describe(c, preference == null ? AnnotationProtocol.Preference.DESCRIPTIONS : preference,
                readers.current());
        Response.ResponseBuilder answer = containerHeaders(conditional.json(body, ifNoneMatch, WebAnnotations.MEDIA_TYPE, VARY))
                .header("Content-Location", body.get("id"));
        if (AnnotationProtocol.Preference.of(prefer) != null) {
            answer.header("Preference-Applied", "return=representation");
        }
        return answer.build();
    }

    @POST
    @Path("/")
    @Consumes({"application/ld+json", "application/json"})
    @RequestBody(content = @Content(mediaType = "application/ld+json", schema = @Schema(type = SchemaType.OBJECT,
            description = "A W3C Web Annotation: a target on a paragraph's URL with a TextQuoteSelector and/or TextPositionSelector, tagging bodies and/or one commenting body")))
    @APIResponse(responseCode = "201", description = "Created; Location is its IRI",
            content = @Content(mediaType = "application/ld+json", schema = @Schema(type = SchemaType.OBJECT, description = "The W3C Web Annotation as stored")))
    @APIResponse(responseCode = "405", description = "A page of the container (?page=) takes no POST; Allow says what it takes")
    public Response create(@PathParam("documentId") String documentId, @QueryParam("group") String group, @QueryParam("page") String page,
            @HeaderParam("Slug") String slug, JsonNode annotation, @Context HttpServerRequest request) {
        notAPage(page);
        return created(protocol.container(documentId, null, group, readers.current(), address.baseUrl(request)), annotation, slug);
    }

    @POST
    @Path(GROUP + "/")
    @Consumes({"application/ld+json", "application/json"})
    @RequestBody(content = @Content(mediaType = "application/ld+json", schema = @Schema(type = SchemaType.OBJECT,
            description = "A W3C Web Annotation, as for the document's container")))
    @APIResponse(responseCode = "201", description = "Created in this group's container; Location is its IRI",
            content = @Content(mediaType = "application/ld+json", schema = @Schema(type = SchemaType.OBJECT, description = "The W3C Web Annotation as stored")))
    @APIResponse(responseCode = "405", description = "A page of the container (?page=) takes no POST; Allow says what it takes")
    public Response createInGroup(@PathParam("documentId") String documentId, @PathParam("groupId") String groupId,
            @QueryParam("page") String page, @HeaderParam("Slug") String slug, JsonNode annotation, @Context HttpServerRequest request) {
        notAPage(page);
        return created(protocol.container(documentId, groupId, null, readers.current(), address.baseUrl(request)), annotation, slug);
    }

    private Response created(AnnotationProtocol.Container c, JsonNode annotation, String slug) {
        AnnotationViews.AnnotationView created = protocol.create(c, annotation, slug, readers.current());
        return annotationHeaders(Response.created(URI.create(c.annotationIri(created.id()))), created)
                .entity(protocol.describe(c, created)).type(WebAnnotations.MEDIA_TYPE).build();
    }

    /** Only the container itself takes a POST, not one of its pages. */
    private static void notAPage(String page) {
        if (page != null) {
            throw new ProblemException(405, "Method not allowed", "A page of the container takes no POST: post to the container itself"
                    + " (its address without ?page=)", java.util.List.of());
        }
    }

    @OPTIONS
    @Path("/")
    @APIResponse(responseCode = "200", description = "What the container allows and accepts")
    public Response containerOptions(@PathParam("documentId") String documentId, @QueryParam("page") String page) {
        return options(page);
    }

    @OPTIONS
    @Path(GROUP + "/")
    @APIResponse(responseCode = "200", description = "What the container allows and accepts")
    public Response groupContainerOptions(@PathParam("documentId") String documentId, @PathParam("groupId") String groupId,
            @QueryParam("page") String page) {
        return options(page);
    }

    private static Response options(String page) {
        // a Content-Type on the empty answer too: W3C test clients read it from every successful answer
        Response.ResponseBuilder answer = page != null ? Response.ok().header("Allow", PAGE_ALLOW).header("Link", PAGE_LINKS)
                : containerHeaders(Response.ok());
        return answer.header("Vary", VARY).type(WebAnnotations.MEDIA_TYPE).build();
    }

    @GET
    @Path("{annotationId}")
    @APIResponse(responseCode = "200", description = "The annotation as a W3C Web Annotation (its older address; its id names its IRI)",
            content = @Content(mediaType = "application/ld+json", schema = @Schema(type = SchemaType.OBJECT, description = "W3C Web Annotation")))
    public Response get(@PathParam("documentId") String documentId, @PathParam("annotationId") String annotationId,
            @QueryParam("group") String group, @HeaderParam("If-None-Match") String ifNoneMatch, @Context HttpServerRequest request) {
        return read(protocol.locate(documentId, null, annotationId, group, readers.current(), address.baseUrl(request)), ifNoneMatch);
    }

    @GET
    @Path(GROUP + "/{annotationId}")
    @APIResponse(responseCode = "200", description = "The annotation at its IRI, as a W3C Web Annotation",
            content = @Content(mediaType = "application/ld+json", schema = @Schema(type = SchemaType.OBJECT, description = "W3C Web Annotation")))
    public Response getInGroup(@PathParam("documentId") String documentId, @PathParam("groupId") String groupId,
            @PathParam("annotationId") String annotationId, @HeaderParam("If-None-Match") String ifNoneMatch, @Context HttpServerRequest request) {
        return read(protocol.locate(documentId, groupId, annotationId, null, readers.current(), address.baseUrl(request)), ifNoneMatch);
    }

    private Response read(AnnotationProtocol.Located at, String ifNoneMatch) {
        AnnotationViews.AnnotationView v = at.annotation();
        String etag = etag(v);
        if (ifNoneMatch != null && Arrays.stream(ifNoneMatch.split(",")).map(String::strip).anyMatch(t -> t.equals(etag) || t.equals("*"))) {
            return annotationHeaders(Response.notModified(), v).build();
        }
        return annotationHeaders(Response.ok(protocol.describe(at.container(), v), WebAnnotations.MEDIA_TYPE), v).build();
    }

    @PUT
    @Path("{annotationId}")
    @Consumes({"application/ld+json", "application/json"})
    @RequestBody(content = @Content(mediaType = "application/ld+json", schema = @Schema(type = SchemaType.OBJECT,
            description = "The whole W3C Web Annotation, its target unchanged; needs If-Match")))
    @APIResponse(responseCode = "200", description = "Replaced; the annotation as stored now",
            content = @Content(mediaType = "application/ld+json", schema = @Schema(type = SchemaType.OBJECT, description = "W3C Web Annotation")))
    @APIResponse(responseCode = "412", description = "If-Match names a version that is no longer current")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response replace(@PathParam("documentId") String documentId, @PathParam("annotationId") String annotationId,
            @QueryParam("group") String group, @HeaderParam("If-Match") String ifMatch, JsonNode annotation,
            @Context HttpServerRequest request) {
        return replaced(protocol.locate(documentId, null, annotationId, group, readers.current(), address.baseUrl(request)), ifMatch, annotation);
    }

    @PUT
    @Path(GROUP + "/{annotationId}")
    @Consumes({"application/ld+json", "application/json"})
    @RequestBody(content = @Content(mediaType = "application/ld+json", schema = @Schema(type = SchemaType.OBJECT,
            description = "The whole W3C Web Annotation, its target unchanged; needs If-Match")))
    @APIResponse(responseCode = "200", description = "Replaced; the annotation as stored now",
            content = @Content(mediaType = "application/ld+json", schema = @Schema(type = SchemaType.OBJECT, description = "W3C Web Annotation")))
    @APIResponse(responseCode = "412", description = "If-Match names a version that is no longer current")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response replaceInGroup(@PathParam("documentId") String documentId, @PathParam("groupId") String groupId,
            @PathParam("annotationId") String annotationId, @HeaderParam("If-Match") String ifMatch, JsonNode annotation,
            @Context HttpServerRequest request) {
        return replaced(protocol.locate(documentId, groupId, annotationId, null, readers.current(), address.baseUrl(request)), ifMatch, annotation);
    }

    private Response replaced(AnnotationProtocol.Located at, String ifMatch, JsonNode annotation) {
        int version = matchedVersion(ifMatch, at.annotation());
        try {
            AnnotationViews.AnnotationView v = protocol.replace(at.container(), at.annotation(), version, annotation, readers.current());
            return annotationHeaders(Response.ok(protocol.describe(at.container(), v), WebAnnotations.MEDIA_TYPE), v).build();
        } catch (ProblemException e) {
            throw e.isStale() ? preconditionFailed() : e;
        }
    }

    @DELETE
    @Path("{annotationId}")
    @APIResponse(responseCode = "204", description = "Deleted (withdrawn, when others replied to it)")
    @APIResponse(responseCode = "412", description = "If-Match names a version that is no longer current")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response delete(@PathParam("documentId") String documentId, @PathParam("annotationId") String annotationId,
            @QueryParam("group") String group, @HeaderParam("If-Match") String ifMatch, @Context HttpServerRequest request) {
        return deleted(protocol.locate(documentId, null, annotationId, group, readers.current(), address.baseUrl(request)), ifMatch);
    }

    @DELETE
    @Path(GROUP + "/{annotationId}")
    @APIResponse(responseCode = "204", description = "Deleted (withdrawn, when others replied to it)")
    @APIResponse(responseCode = "412", description = "If-Match names a version that is no longer current")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response deleteInGroup(@PathParam("documentId") String documentId, @PathParam("groupId") String groupId,
            @PathParam("annotationId") String annotationId, @HeaderParam("If-Match") String ifMatch, @Context HttpServerRequest request) {
        return deleted(protocol.locate(documentId, groupId, annotationId, null, readers.current(), address.baseUrl(request)), ifMatch);
    }

    private Response deleted(AnnotationProtocol.Located at, String ifMatch) {
        int version = matchedVersion(ifMatch, at.annotation());
        try {
            protocol.delete(at.annotation().id(), version, readers.current());
        } catch (ProblemException e) {
            throw e.isStale() ? preconditionFailed() : e;
        }
        return Response.noContent().build();
    }

    @OPTIONS
    @Path("{annotationId}")
    @APIResponse(responseCode = "200", description = "What an annotation allows")
    public Response annotationOptions(@PathParam("documentId") String documentId, @PathParam("annotationId") String annotationId) {
        return Response.ok().header("Allow", ANNOTATION_ALLOW).header("Link", ANNOTATION_LINKS).header("Vary", VARY)
                .type(WebAnnotations.MEDIA_TYPE).build();
    }

    @OPTIONS
    @Path(GROUP + "/{annotationId}")
    @APIResponse(responseCode = "200", description = "What an annotation allows")
    public Response annotationInGroupOptions(@PathParam("documentId") String documentId, @PathParam("groupId") String groupId,
            @PathParam("annotationId") String annotationId) {
        return annotationOptions(documentId, annotationId);
    }

    // ---- headers ----------------------------------------------------------------------------

    private static Response.ResponseBuilder containerHeaders(Response.ResponseBuilder answer) {
        return answer.header("Link", CONTAINER_LINKS).header("Allow", CONTAINER_ALLOW).header("Accept-Post", WebAnnotations.MEDIA_TYPE);
    }

    private static Response.ResponseBuilder annotationHeaders(Response.ResponseBuilder answer, AnnotationViews.AnnotationView v) {
        return answer.header("ETag", etag(v)).header("Link", ANNOTATION_LINKS).header("Allow", ANNOTATION_ALLOW).header("Vary", VARY)
                .header("Cache-Control", "private, no-cache");
    }

    /** A strong ETag naming the annotation's version: what If-Match must send back. */
    static String etag(AnnotationViews.AnnotationView v) {
        return "\"" + v.id() + "." + v.version() + "\"";
    }

    /** The version an If-Match names: 428 without one, 412 when it is not the current one. */
    private static int matchedVersion(String ifMatch, AnnotationViews.AnnotationView now) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(428, "Precondition required",
                    "Send If-Match with the annotation's ETag, so that an edit made meanwhile is not overwritten", java.util.List.of());
        }
        String current = etag(now);
        boolean matches = Arrays.stream(ifMatch.split(",")).map(String::strip).anyMatch(t -> t.equals(current) || t.equals("*"));
        if (!matches) {
            throw preconditionFailed();
        }
        return now.version();
    }

    private static ProblemException preconditionFailed() {
        return new ProblemException(412, "Precondition failed",
                "The annotation was changed meanwhile: its ETag is no longer the one sent in If-Match; read it again", java.util.List.of());
    }
}
