package org.seminar.annotator.web;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Request bodies must have the JSON types the API documents: a number where text is expected (or
 * text where a number is) is refused with a field error instead of being converted silently; and
 * every string must pass {@link TextRules}.
 */
@Singleton
public class JsonStrictness implements ObjectMapperCustomizer {

    /** The most JSON tokens one body may have: far above any request (and any Keycloak answer read with this mapper). */
    static final long MAX_TOKENS = 1_000_000;

    @Override
    public void customize(ObjectMapper mapper) {
        // bounded work per body: no request of the API has more than a few thousand values (refused as 413)
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxTokenCount(MAX_TOKENS).maxNestingDepth(64).build());
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.registerModule(new SimpleModule("text-rules").addDeserializer(String.class, new RefusedText.CheckedStrings()));
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
    }
}
