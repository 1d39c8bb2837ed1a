package org.opensspr.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON configuration of the API, used by the server and every client.
 *
 * <ul>
 *   <li>{@code java.time} values as ISO-8601 text ({@code "2026-11-03T10:15:30Z"}), never numbers;</li>
 *   <li>unknown properties are ignored, so an older client reads a newer server's answers;</li>
 *   <li>null properties are not written;</li>
 *   <li>trailing content after the JSON value is an error (a truncated or concatenated body is not data).</li>
 * </ul>
 */
public final class Json {

    private Json() {
    }

    /** A new mapper with the API's configuration, for a component that owns its own (server app, client). */
    public static ObjectMapper newMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
                .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.USE_DEFAULTS))
                .build();
    }
}
