package org.opensspr.server.writeback;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPResult;
import com.unboundid.ldap.sdk.ResultCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** How each LDAP result code of a change becomes a writeback result. */
class LdapOutcomesTest {

    @ParameterizedTest(name = "{0} -> {1} (may have applied: {2})")
    @CsvSource(textBlock = """
            19, RejectedByPolicy, false
            53, RejectedByPolicy, false
            32, NotFound,         false
            50, Unavailable,      false
            51, Unavailable,      false
            52, Unavailable,      false
            65, Unavailable,      false
            80, Unavailable,      false
            81, Unavailable,      true
            82, Unavailable,      true
            84, Unavailable,      true
            85, Unavailable,      true
            83, Unavailable,      false
            89, Unavailable,      false
            91, Unavailable,      false
            """)
    void aChangesResultCodeDecidesTheOutcome(int code, String kind, boolean mayHaveApplied) {
        WritebackResult result = LdapOutcomes.ofChange(reply(ResultCode.valueOf(code), "diagnostic"));

        assertThat(result.getClass().getSimpleName()).isEqualTo(kind);
        if (result instanceof WritebackResult.Unavailable unavailable) {
            assertThat(unavailable.mayHaveApplied()).isEqualTo(mayHaveApplied);
        }
    }

    @Test
    void aRejectionCarriesTheDirectorysMessageWithThePasswordsScrubbed() {
        LDAPException e = reply(ResultCode.CONSTRAINT_VIOLATION,
                "0000052D: Constraint violation - the password Secret-1 is too short");

        WritebackResult result = LdapOutcomes.ofChange(e, "Secret-1");

        assertThat(result).isEqualTo(new WritebackResult.RejectedByPolicy(
                "0000052D: Constraint violation - the password [redacted] is too short"));
    }

    @Test
    void aRejectionWithoutAMessageNamesTheResultCode() {
        WritebackResult result = LdapOutcomes.ofChange(reply(ResultCode.UNWILLING_TO_PERFORM, null));

        assertThat(result).isEqualTo(new WritebackResult.RejectedByPolicy("unwilling to perform"));
    }

    @Test
    void aRefusedServiceAccountBindIsTold() {
        WritebackResult result = LdapOutcomes.unreachable(new LDAPException(ResultCode.INVALID_CREDENTIALS, "52e"));

        assertThat(((WritebackResult.Unavailable) result).why()).contains("service account").contains("bind DN");
    }

    /** An exception as the SDK makes it from a server's reply. */
    private static LDAPException reply(ResultCode code, String diagnostic) {
        return new LDAPException(new LDAPResult(1, code, diagnostic, null, (String[]) null, null));
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            0,  true
            19, true
            81, false
            85, false
            91, false
            """)
    void aConnectionGoesBackToThePoolOnlyIfItStillWorks(int code, boolean usable) {
        assertThat(LdapOutcomes.usable(new LDAPException(ResultCode.valueOf(code), "x"))).isEqualTo(usable);
    }
}
