package org.opensspr.server.writeback;

import com.unboundid.ldap.sdk.unboundidds.controls.PasswordPolicyErrorType;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opensspr.password.DirectoryRefusal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** The refusal parser names a reason only when the directory's text says it, and never throws. */
class DirectoryRefusalsPropertiesTest {

    @Property(tries = 2000)
    void arbitraryTextNeverYieldsAReasonItDoesNotSay(@ForAll @StringLength(max = 300) String text) {
        DirectoryRefusal reason = DirectoryRefusals.fromText(text);

        assertThat(reason == DirectoryRefusal.OTHER || DirectoryRefusals.says(text, reason)).isTrue();
    }

    @Property(tries = 2000)
    void textMadeOfDirectoryWordsStillOnlyYieldsWhatItSays(@ForAll("directoryish") String text) {
        DirectoryRefusal reason = DirectoryRefusals.fromText(text);

        assertThat(reason == DirectoryRefusal.OTHER || DirectoryRefusals.says(text, reason)).isTrue();
        assertThat(reason).isNotIn(DirectoryRefusal.PROTECTED_ACCOUNT); // only we say that, never parsed
    }

    @Property
    void neverThrows(@ForAll String text) {
        assertThatCode(() -> DirectoryRefusals.fromText(text)).doesNotThrowAnyException();
    }

    @Provide
    Arbitrary<String> directoryish() {
        Arbitrary<String> words = Arbitraries.of("0000052D", "00000056", "Constraint violation -",
                "check_password_restrictions:", "the password is", "too short", "too young", "complexity",
                "(in history)", "already used", "data 775", "Password fails quality checking policy",
                "Password is in history of old passwords", "Password is too young to change", "SvcErr: DSID-031A126C",
                "problem 5003 (WILL_NOT_PERFORM)", "data 0", "x", " ", "!", "TOO", "SHORT", "hist", "ory");
        return words.list().ofMaxSize(8).map(list -> String.join(" ", list));
    }

    @Test
    void nullTextIsOther() {
        assertThat(DirectoryRefusals.fromText(null)).isEqualTo(DirectoryRefusal.OTHER);
    }

    @ParameterizedTest(name = "{1} ← {0}")
    @CsvSource(delimiter = '|', value = {
        // Samba AD 4.17 (the real DC's words)
        "0000052D: Constraint violation - check_password_restrictions: the password is too short. It should be equal or longer than 7 characters!|TOO_SHORT",
        "0000052D: Constraint violation - check_password_restrictions: the password does not meet the complexity criteria!|COMPLEXITY",
        "0000052D: Constraint violation - check_password_restrictions: the password was already used (in history)!|HISTORY",
        "0000052D: Constraint violation - check_password_restrictions: the password is too young to change!|MIN_AGE",
        "00000056: Constraint violation - check_password_restrictions: The old password specified doesn't match!|WRONG_CURRENT_PASSWORD",
        // Windows AD says only that some rule failed
        "0000052D: SvcErr: DSID-031A126C, problem 5003 (WILL_NOT_PERFORM), data 0|POLICY",
        "80090308: LdapErr: DSID-0C09044E, comment: AcceptSecurityContext error, data 775, v4563|LOCKED",
        // OpenLDAP ppolicy
        "Password fails quality checking policy|COMPLEXITY",
        "Password is in history of old passwords|HISTORY",
        "Password is too young to change|MIN_AGE",
        "Password is too short for policy|TOO_SHORT",
        "unwilling to perform|OTHER"})
    void whatRealDirectoriesSay(String text, DirectoryRefusal reason) {
        assertThat(DirectoryRefusals.fromText(text)).isEqualTo(reason);
    }

    @Test
    void ppolicysControlNamesTheReasonExactly() {
        assertThat(DirectoryRefusals.fromPasswordPolicyError(PasswordPolicyErrorType.PASSWORD_TOO_SHORT))
                .contains(DirectoryRefusal.TOO_SHORT);
        assertThat(DirectoryRefusals.fromPasswordPolicyError(PasswordPolicyErrorType.INSUFFICIENT_PASSWORD_QUALITY))
                .contains(DirectoryRefusal.COMPLEXITY);
        assertThat(DirectoryRefusals.fromPasswordPolicyError(PasswordPolicyErrorType.PASSWORD_IN_HISTORY))
                .contains(DirectoryRefusal.HISTORY);
        assertThat(DirectoryRefusals.fromPasswordPolicyError(PasswordPolicyErrorType.PASSWORD_TOO_YOUNG))
                .contains(DirectoryRefusal.MIN_AGE);
        assertThat(DirectoryRefusals.fromPasswordPolicyError(PasswordPolicyErrorType.PASSWORD_EXPIRED)).isEmpty();
    }
}
