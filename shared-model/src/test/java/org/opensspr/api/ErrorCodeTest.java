package org.opensspr.api;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorCodeTest {

    @ParameterizedTest
    @CsvSource(textBlock = """
            # code                   | status
            MALFORMED_JSON           | 400
            MISSING_FIELD            | 400
            WRONG_TYPE               | 400
            INVALID_VALUE            | 400
            VALIDATION_FAILED        | 422
            UNAUTHENTICATED          | 401
            SESSION_EXPIRED          | 401
            INVALID_CREDENTIALS      | 401
            FORBIDDEN                | 403
            NOT_FOUND                | 404
            METHOD_NOT_ALLOWED       | 405
            CONFLICT                 | 409
            TICKET_ALREADY_USED      | 409
            VERSION_CONFLICT         | 409
            FLOW_EXPIRED             | 410
            PAYLOAD_TOO_LARGE        | 413
            UNSUPPORTED_MEDIA_TYPE   | 415
            CAPTCHA_INVALID          | 400
            CODE_INVALID             | 400
            THROTTLED                | 429
            ACCOUNT_LOCKED           | 423
            KIOSK_NETWORK_DENIED     | 403
            KIOSK_REVOKED            | 401
            INTERNAL_ERROR           | 500
            SERVICE_UNAVAILABLE      | 503
            BUSY                     | 503
            DIRECTORY_UNAVAILABLE    | 503
            DIRECTORY_REFUSED        | 409
            """, delimiter = '|')
    void theContractsCodesAndTheirStatus(String wire, int status) {
        ErrorCode code = ErrorCode.fromWire(wire);

        assertThat(code.name()).isEqualTo(wire);
        assertThat(code.httpStatus()).isEqualTo(status);
    }

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void everyCodeIsAnErrorStatusWithAMessageAndReadsBackFromTheWire(ErrorCode code) {
        assertThat(code.httpStatus()).isBetween(400, 599);
        assertThat(code.defaultMessage()).isNotBlank().endsWith(".");
        assertThat(ErrorCode.fromWire(code.wire())).isSameAs(code);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            # wire                    | read as
            THROTTLED                 | THROTTLED
            throttled                 | THROTTLED
            '  NOT_FOUND '            | NOT_FOUND
            SOMETHING_NEW             | UNKNOWN
            ''                        | UNKNOWN
            ,                         | UNKNOWN
            not-a-code!               | UNKNOWN
            """, delimiter = '|')
    void readingFromTheWireNeverFails(String wire, ErrorCode expected) {
        assertThat(ErrorCode.fromWire(wire)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            # status | code
            400      | BAD_REQUEST
            401      | UNAUTHENTICATED
            403      | FORBIDDEN
            404      | NOT_FOUND
            409      | CONFLICT
            413      | PAYLOAD_TOO_LARGE
            422      | VALIDATION_FAILED
            423      | ACCOUNT_LOCKED
            429      | THROTTLED
            500      | INTERNAL_ERROR
            502      | SERVICE_UNAVAILABLE
            503      | SERVICE_UNAVAILABLE
            504      | SERVICE_UNAVAILABLE
            418      | UNKNOWN
            501      | UNKNOWN
            """, delimiter = '|')
    void aStatusWithoutBodyMapsToItsMostLikelyCode(int status, ErrorCode expected) {
        assertThat(ErrorCode.forStatus(status)).isEqualTo(expected);
    }

    @Test
    void aStatusDerivedCodeIsAlwaysOneThatAnswersWithThatStatusOrUnknown() {
        for (int status = 400; status < 600; status++) {
            ErrorCode code = ErrorCode.forStatus(status);
            if (code != ErrorCode.UNKNOWN) {
                assertThat(code.httpStatus()).as("status %d", status).isEqualTo(status == 502 || status == 504 ? 503 : status);
            }
        }
        assertThat(Arrays.stream(ErrorCode.values()).map(ErrorCode::wire)).doesNotHaveDuplicates();
    }
}
