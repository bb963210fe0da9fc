package org.seminar.annotator.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import java.io.IOException;

/**
 * Reads every JSON string of a request body through {@link TextRules}: a refused string fails the
 * request with a field error naming where it was (for example {@code comment} or {@code tags[1]}).
 */
public class RefusedText extends JsonMappingException {

    RefusedText(JsonParser parser, String message) {
        super(parser, message);
    }

    /** The deserializer for {@code String} that applies the rules. */
    static class CheckedStrings extends StringDeserializer {

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = super.deserialize(p, ctxt);
            if (value != null) {
                var problem = TextRules.problem(value);
                if (problem.isPresent()) {
                    throw new RefusedText(p, problem.get());
                }
            }
            return value;
        }
    }
}
