package org.opensspr.server.http;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opensspr.api.ErrorCode;
import org.opensspr.api.OptionalField;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RequestBodiesTest {
    enum Colour { RED, GREEN }

    record Inner(String name, int count) {
    }

    record Outer(String id, @OptionalField String note, boolean flag, Colour colour, Inner inner, List<Inner> items) {
    }

    private final RequestBodies bodies = new RequestBodies();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            malformed                 | {"id":                                                                          | MALFORMED_JSON | (none)
            empty body                | ''                                                                              | MALFORMED_JSON | (none)
            not an object             | [1,2]                                                                           | WRONG_TYPE     | (none)
            id missing                | {"flag":true,"colour":"RED","inner":{"name":"a","count":1},"items":[]}         | MISSING_FIELD  | id
            id null                   | {"id":null,"flag":true,"colour":"RED","inner":{"name":"a","count":1},"items":[]} | MISSING_FIELD | id
            nested field missing      | {"id":"x","flag":true,"colour":"RED","inner":{"name":"a"},"items":[]}           | MISSING_FIELD  | inner.count
            list item field missing   | {"id":"x","flag":true,"colour":"RED","inner":{"name":"a","count":1},"items":[{"count":2}]} | MISSING_FIELD | items[0].name
            number as text            | {"id":"x","flag":true,"colour":"RED","inner":{"name":"a","count":"1"},"items":[]} | WRONG_TYPE  | inner.count
            text as number            | {"id":5,"flag":true,"colour":"RED","inner":{"name":"a","count":1},"items":[]}   | WRONG_TYPE     | id
            boolean as text           | {"id":"x","flag":"yes","colour":"RED","inner":{"name":"a","count":1},"items":[]} | WRONG_TYPE    | flag
            unknown enum constant     | {"id":"x","flag":true,"colour":"BLUE","inner":{"name":"a","count":1},"items":[]} | INVALID_VALUE | colour
            fraction for an integer   | {"id":"x","flag":true,"colour":"RED","inner":{"name":"a","count":1.5},"items":[]} | WRONG_TYPE   | inner.count
            list as number            | {"id":"x","flag":true,"colour":"RED","inner":{"name":"a","count":1},"items":7}  | WRONG_TYPE     | items
            """)
    void badBodiesGetTheirCodeAndField(String scenario, String body, ErrorCode code, String field) {
        ApiException e = catchThrowableOfType(ApiException.class,
                () -> bodies.read(body.getBytes(StandardCharsets.UTF_8), Outer.class));

        assertThat(e).as(scenario).isNotNull();
        assertThat(e.code()).isEqualTo(code);
        if (!field.equals("(none)")) {
            assertThat(e.fieldErrors()).extracting(ApiExceptionFields::field).containsExactly(field);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"id":"x","flag":true,"colour":"RED","inner":{"name":"a","count":1},"items":[]}
            {"id":"x","note":null,"flag":false,"colour":"GREEN","inner":{"name":"a","count":1},"items":[{"name":"b","count":2}],"extra":1}
            """)
    void goodBodiesParseAndOptionalFieldsMayBeLeftOut(String body) {
        Outer outer = bodies.read(body.getBytes(StandardCharsets.UTF_8), Outer.class);

        assertThat(outer.id()).isEqualTo("x");
        assertThat(outer.note()).isNull();
    }

    private static final class ApiExceptionFields {
        static String field(org.opensspr.api.ApiError.FieldError error) {
            return error.field();
        }
    }
}
