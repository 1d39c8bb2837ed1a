package org.opensspr.server.http;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opensspr.api.ErrorCode;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestBodiesTest {
    record Named(String name, String description, boolean enabled) {
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            {"name":"a","enabled":true}                        | MISSING_FIELD | description
            {"name":"a","description":null,"enabled":true}    | MISSING_FIELD | description
            {"name":"a","description":"d"}                     | MISSING_FIELD | enabled
            {"name":"a","description":"d","enabled":"x"}       | WRONG_TYPE    | enabled
            """)
    void namesTheFieldAndSaysWhatIsWrong(String body, ErrorCode code, String field) {
        assertThatThrownBy(() -> new RequestBodies().read(body.getBytes(StandardCharsets.UTF_8), Named.class))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.fieldErrors()).singleElement().satisfies(f -> assertThat(f.field()).isEqualTo(field));
                });
    }
}
