package org.seminar.annotator.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * JSON answers that a reload of an unchanged document need not transfer again: an {@code ETag}
 * (a hash of the exact bytes this reader gets, so it can never mix two readers' views) and
 * {@code 304 Not Modified} for a matching {@code If-None-Match}. They are {@code private, no-cache}:
 * the browser keeps them for this person only and revalidates every time.
 */
@ApplicationScoped
public class ConditionalGet {

    @Inject
    ObjectMapper json;

    public Response json(Object entity, String ifNoneMatch) {
        return json(entity, ifNoneMatch, MediaType.APPLICATION_JSON, "Cookie, Authorization").build();
    }

    /** The same for another JSON media type (JSON-LD) and {@code Vary} header; the caller may add headers. */
    public Response.ResponseBuilder json(Object entity, String ifNoneMatch, String mediaType, String vary) {
        byte[] body;
        try {
            body = json.writeValueAsBytes(entity);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        String etag = "\"" + hash(body) + "\"";
        boolean unchanged = ifNoneMatch != null && Arrays.stream(ifNoneMatch.split(",")).map(String::strip)
                .anyMatch(tag -> tag.equals(etag) || tag.equals("W/" + etag) || tag.equals("*"));
        Response.ResponseBuilder answer = unchanged ? Response.notModified() : Response.ok(body, mediaType);
        return answer.header("ETag", etag).header("Cache-Control", "private, no-cache").header("Vary", vary);
    }

    private static String hash(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
