package org.opensspr.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;

/**
 * The one JSON configuration of the API, used by the server and every client.
 *
 * <ul>
 *   <li>{@code java.time} values as ISO-8601 text, never numbers; every instant in UTC to the millisecond with
 *       three fraction digits ({@code "2026-11-03T10:15:30.000Z"}), whether it came from the clock (nanoseconds)
 *       or the database (microseconds), so equal times read equal and sort as text;</li>
 *   <li>unknown properties are ignored, so an older client reads a newer server's answers;</li>
 *   <li>null properties are not written;</li>
 *   <li>trailing content after the JSON value is an error (a truncated or concatenated body is not data).</li>
 * </ul>
 */
public final class Json {
    /** The one way an instant is written: UTC, milliseconds, always three digits. */
    static final DateTimeFormatter INSTANT = new DateTimeFormatterBuilder().appendInstant(3).toFormatter();

    private Json() {
    }

    /** A new mapper with the API's configuration, for a component that owns its own (server app, client). */
    public static ObjectMapper newMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(new SimpleModule("api-instants").addSerializer(new InstantToMillis()))
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
                .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.USE_DEFAULTS))
                .build();
    }

    private static final class InstantToMillis extends StdSerializer<Instant> {
        InstantToMillis() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(INSTANT.format(value));
        }
    }
}
