package org.seminar.annotator.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns known failures into answers: {@code application/problem+json} on the API, a friendly page
 * in HTML. Unknown exceptions are deliberately not mapped, so that bugs surface as 500s in the log.
 */
public class ErrorResponses {

    @jakarta.inject.Inject
    AllowedMethods allowedMethods;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(int status, String title, String detail);
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpServerRequest request, HttpHeaders headers) {
        Response response = respond(request, headers, e.status(), e.title(), e.getMessage(), e.errors());
        return e.retryAfterSeconds() > 0 ? Response.fromResponse(response).header("Retry-After", e.retryAfterSeconds()).build() : response;
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, HttpServerRequest request, HttpHeaders headers) {
        return respond(request, headers, 401, "Unauthorized", "Sign in, or send a valid bearer token.", List.of());
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, HttpServerRequest request, HttpHeaders headers) {
        return respond(request, headers, 401, "Unauthorized", "The credentials are missing, invalid or expired.", List.of());
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpServerRequest request, HttpHeaders headers) {
        return respond(request, headers, 403, "Forbidden", "Your account does not have the role this needs.", List.of());
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, HttpServerRequest request, HttpHeaders headers) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                .sorted(java.util.Comparator.comparing(Problem.FieldError::field))
                .toList();
        return respond(request, headers, 400, "Invalid request", Problem.summary(errors), errors);
    }

    /** Wrong JSON types ({@code "start":"a"}): more specific than Quarkus's built-in mapper, so this one answers. */
    @ServerExceptionMapper
    public Response mismatchedJson(com.fasterxml.jackson.databind.exc.MismatchedInputException e, HttpServerRequest request,
            HttpHeaders headers) {
        return unreadableJson(e, request, headers);
    }

    @ServerExceptionMapper
    public Response malformedJson(com.fasterxml.jackson.core.JsonParseException e, HttpServerRequest request, HttpHeaders headers) {
        return unreadableJson(e, request, headers);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, HttpServerRequest request, HttpHeaders headers) {
        StreamConstraintsException tooLarge = causeOfType(e, StreamConstraintsException.class);
        if (tooLarge != null) {
            // databind wraps it with the path where reading stopped; the answer is about the whole body
            return respond(request, headers, 413, "Request body too large", "The JSON body has more values or nesting than any request "
                    + "of this API needs (" + tooLarge.getOriginalMessage() + ").", List.of(new Problem.FieldError("body", "is too large")));
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            String message = e instanceof RefusedText ? e.getOriginalMessage() : "has the wrong type or format";
            return respond(request, headers, 400, "Invalid request", field + ": " + message, List.of(new Problem.FieldError(field, message)));
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException) {
            return respond(request, headers, 400, "Invalid request", "body: must be a JSON object of the documented shape",
                    List.of(new Problem.FieldError("body", "must be a JSON object of the documented shape")));
        }
        return respond(request, headers, 400, "Malformed JSON", "The request body is not valid JSON.",
                List.of(new Problem.FieldError("body", "is not valid JSON")));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpServerRequest request, HttpHeaders headers) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json, request, headers);
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        if (e instanceof jakarta.ws.rs.NotFoundException) {
            // the router found no method: when the address exists for other methods, that is a 405, not a 404
            java.util.Set<String> allowed = allowedMethods.at(request.path());
            if (!allowed.isEmpty() && !allowed.contains(request.method().name())) {
                return Response.fromResponse(respond(request, headers, 405, "Method Not Allowed",
                        request.method().name() + " is not one of the methods this address takes: " + String.join(", ", allowed), List.of()))
                        .header("Allow", String.join(", ", allowed)).build();
            }
        }
        String detail = status.getStatusCode() == 404 ? "Nothing exists at this address." : e.getMessage();
        Response answer = respond(request, headers, status.getStatusCode(), status.getReasonPhrase(), detail, List.of());
        // a 405 says what the address does allow (RFC 9110 15.5.6)
        String allow = e.getResponse().getHeaderString("Allow");
        return allow == null ? answer : Response.fromResponse(answer).header("Allow", allow).build();
    }

    /**
     * Drops the method name and argument from a bean-validation path: {@code create.request.start}
     * becomes {@code start}; a violation of the argument itself ({@code create.request}) is about the
     * request {@code body}.
     */
    private static String fieldName(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        String[] parts = path.split("\\.");
        return parts.length > 2 ? String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length)) : "body";
    }

    static Response respond(HttpServerRequest request, HttpHeaders headers, int status, String title, String detail,
            List<Problem.FieldError> errors) {
        Response answer = answer(request, headers, status, title, detail, errors);
        // nothing was done and it may work in a moment (the database is unreachable, a write was not stored)
        return status == 503 ? Response.fromResponse(answer).header("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS).build() : answer;
    }

    private static Response answer(HttpServerRequest request, HttpHeaders headers, int status, String title, String detail,
            List<Problem.FieldError> errors) {
        String path = request.path();
        if (Paths.isApi(path) || !wantsHtml(headers)) {
            Problem body = Problem.of(title, status, detail, path, errors);
            Response.ResponseBuilder builder = Response.status(status).type(Problem.MEDIA_TYPE).entity(body);
            if (status == 401) {
                builder.header("WWW-Authenticate", "Bearer realm=\"seminar\"");
            }
            return builder.build();
        }
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.error(status, title, detail)).build();
    }

    private static boolean wantsHtml(HttpHeaders headers) {
        return headers.getAcceptableMediaTypes().stream()
                .anyMatch(m -> m.isCompatible(MediaType.TEXT_HTML_TYPE) && !m.isWildcardType());
    }

    private static <T extends Throwable> T causeOfType(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
