package org.opensspr.server.kiosk;

import org.opensspr.server.audit.AuditSeals;
import org.opensspr.api.ErrorCode;
import org.opensspr.api.KioskCredentialDto;
import org.opensspr.api.KioskDto;
import org.opensspr.api.KioskEnrollRequest;
import org.opensspr.api.KioskEnrollmentCodeDto;
import org.opensspr.api.Page;
import org.opensspr.server.db.Database;
import org.opensspr.server.http.ApiException;
import org.opensspr.server.http.Principal;
import org.opensspr.server.testing.OnBothDatabases;
import org.opensspr.server.time.ServerClock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.opensspr.server.db.Tables.KIOSK;
import static org.opensspr.server.db.Tables.KIOSK_ENROLLMENT_CODE;

/** Kiosk enrollment, authentication, last seen and revocation on H2 and PostgreSQL. */
class KioskServiceTest {
    private static final Instant START = Instant.parse("2026-11-03T09:00:00Z");
    private static final String FINGERPRINT = "AB:".repeat(31) + "CD";
    private static final String CODE_FORMAT = "([0-9A-HJKMNP-TV-Z]{4}-){3}[0-9A-HJKMNP-TV-Z]{4}";

    private final ServerClock clock = ServerClock.movable(Clock.fixed(START, ZoneOffset.UTC));

    private KioskService service(Database db) {
        return new KioskService(db, clock, () -> FINGERPRINT, AuditSeals.log(db, Clock.systemUTC()));
    }

    @OnBothDatabases
    void anEnrolledKioskAuthenticatesUntilItIsRevoked(Database db) {
        KioskService kiosks = service(db);
        KioskEnrollmentCodeDto code = kiosks.createEnrollment("Reception", "ada@example.org");

        KioskCredentialDto credential = kiosks.enroll(new KioskEnrollRequest(code.code(), "kiosk-01"), "10.0.0.5");

        assertThat(code.code()).matches(CODE_FORMAT);
        assertThat(code.expiresAt()).isEqualTo(START.plus(Duration.ofHours(24)));
        assertThat(credential.kioskId()).isEqualTo(code.kioskId());
        assertThat(credential.credential()).startsWith("k.").hasSize(45);
        assertThat(credential.serverCertificateFingerprint()).isEqualTo(FINGERPRINT);
        assertThat(kiosks.authenticate(credential.credential(), "10.0.0.5"))
                .contains(new Principal.Kiosk(code.kioskId(), "Reception"));

        KioskDto revoked = kiosks.revoke("ada@example.org", code.kioskId());

        assertThat(revoked.status()).isEqualTo(KioskDto.Status.REVOKED);
        assertThat(revoked.revokedAt()).isEqualTo(START);
        assertThat(codeOf(() -> kiosks.authenticate(credential.credential(), "10.0.0.5")))
                .isEqualTo(ErrorCode.KIOSK_REVOKED);
    }

    @OnBothDatabases
    void theDatabaseKeepsOnlyHashesOfTheCodeAndTheCredential(Database db) {
        KioskService kiosks = service(db);
        KioskEnrollmentCodeDto code = kiosks.createEnrollment("Reception", "ada@example.org");
        KioskCredentialDto credential = kiosks.enroll(new KioskEnrollRequest(code.code(), null), "10.0.0.5");

        assertThat(db.dsl().fetchValue(KIOSK_ENROLLMENT_CODE.CODE_HASH))
                .isEqualTo(KioskSecrets.sha256Hex(code.code().replace("-", "")));
        assertThat(db.dsl().fetchValue(KIOSK.CREDENTIAL_HASH))
                .isEqualTo(KioskSecrets.sha256Hex(credential.credential()))
                .doesNotContain(credential.credential().substring(2));
    }

    @OnBothDatabases
    void aCodeEnrollsOnceAndTheSecondTryChangesNothing(Database db) {
        KioskService kiosks = service(db);
        KioskEnrollmentCodeDto code = kiosks.createEnrollment("Reception", "ada@example.org");
        KioskCredentialDto first = kiosks.enroll(new KioskEnrollRequest(code.code(), "kiosk-01"), "10.0.0.5");

        ApiException second = refusal(() -> kiosks.enroll(new KioskEnrollRequest(code.code(), "thief"), "10.9.9.9"));

        assertThat(second.code()).isEqualTo(ErrorCode.INVALID_VALUE);
        assertThat(kiosks.authenticate(first.credential(), "10.0.0.5")).isPresent();
        assertThat(kiosks.get(code.kioskId()).deviceName()).isEqualTo("kiosk-01");
    }

    @OnBothDatabases
    void aCodeWorksUntilItsTwentyFourHoursAreOver(Database db) {
        KioskService kiosks = service(db);
        KioskEnrollmentCodeDto early = kiosks.createEnrollment("Early", "ada@example.org");
        KioskEnrollmentCodeDto late = kiosks.createEnrollment("Late", "ada@example.org");

        clock.advance(Duration.ofHours(24).minusSeconds(1));
        kiosks.enroll(new KioskEnrollRequest(early.code(), null), "10.0.0.5");
        clock.advance(Duration.ofSeconds(1));
        ApiException expired = refusal(() -> kiosks.enroll(new KioskEnrollRequest(late.code(), null), "10.0.0.6"));

        assertThat(expired.code()).isEqualTo(ErrorCode.INVALID_VALUE);
        assertThat(kiosks.get(early.kioskId()).status()).isEqualTo(KioskDto.Status.ENROLLED);
        assertThat(kiosks.get(late.kioskId()).status()).isEqualTo(KioskDto.Status.ENROLLMENT_EXPIRED);
        assertThat(kiosks.get(late.kioskId()).enrollmentExpiresAt()).isEqualTo(late.expiresAt());
    }

    @OnBothDatabases
    void unknownMalformedUsedExpiredAndRevokedCodesAllGetOneIdenticalAnswer(Database db) {
        KioskService kiosks = service(db);
        KioskEnrollmentCodeDto used = kiosks.createEnrollment("Used", "ada@example.org");
        kiosks.enroll(new KioskEnrollRequest(used.code(), null), "10.0.0.5");
        KioskEnrollmentCodeDto revoked = kiosks.createEnrollment("Revoked", "ada@example.org");
        kiosks.revoke("ada@example.org", revoked.kioskId());
        KioskEnrollmentCodeDto expired = kiosks.createEnrollment("Expired", "ada@example.org");
        clock.advance(Duration.ofHours(25));

        List<ApiException> answers = List.of(
                refusal(() -> kiosks.enroll(new KioskEnrollRequest("0000-0000-0000-0000", null), "10.0.0.9")),
                refusal(() -> kiosks.enroll(new KioskEnrollRequest("no such code", null), "10.0.0.9")),
                refusal(() -> kiosks.enroll(new KioskEnrollRequest("", null), "10.0.0.9")),
                refusal(() -> kiosks.enroll(new KioskEnrollRequest(used.code(), null), "10.0.0.9")),
                refusal(() -> kiosks.enroll(new KioskEnrollRequest(revoked.code(), null), "10.0.0.9")),
                refusal(() -> kiosks.enroll(new KioskEnrollRequest(expired.code(), null), "10.0.0.9")));

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.code()).isEqualTo(ErrorCode.INVALID_VALUE);
            assertThat(answer.getMessage()).isEqualTo(KioskService.INVALID_CODE);
            assertThat(answer.fieldErrors()).singleElement()
                    .satisfies(field -> assertThat(field.field()).isEqualTo("code"));
        });
        assertThat(answers.stream().map(a -> a.toError("r")).distinct()).hasSize(1);
    }

    @OnBothDatabases
    void aCodeMayBeTypedInLowerCaseWithSpacesAndLookAlikes(Database db) {
        KioskService kiosks = service(db);
        KioskEnrollmentCodeDto code = kiosks.createEnrollment("Reception", "ada@example.org");
        String typed = " " + code.code().toLowerCase(Locale.ROOT).replace("-", " ").replace('0', 'o')
                .replace('1', 'l') + " ";

        assertThat(kiosks.enroll(new KioskEnrollRequest(typed, null), "10.0.0.5").kioskId())
                .isEqualTo(code.kioskId());
    }

    @OnBothDatabases
    void lastSeenIsWrittenAtMostOnceAMinute(Database db) {
        KioskService kiosks = service(db);
        KioskEnrollmentCodeDto code = kiosks.createEnrollment("Reception", "ada@example.org");
        String credential = kiosks.enroll(new KioskEnrollRequest(code.code(), null), "10.0.0.5").credential();
        KioskDto enrolled = kiosks.get(code.kioskId());

        clock.advance(Duration.ofSeconds(30));
        kiosks.authenticate(credential, "10.0.0.6");
        KioskDto halfAMinute = kiosks.get(code.kioskId());
        clock.advance(Duration.ofSeconds(30));
        kiosks.authenticate(credential, "10.0.0.7");
        KioskDto aMinute = kiosks.get(code.kioskId());

        assertThat(enrolled.lastSeenAt()).isEqualTo(START);
        assertThat(enrolled.lastSeenAddress()).isEqualTo("10.0.0.5");
        assertThat(halfAMinute.lastSeenAt()).isEqualTo(START);
        assertThat(halfAMinute.lastSeenAddress()).isEqualTo("10.0.0.5");
        assertThat(aMinute.lastSeenAt()).isEqualTo(START.plusSeconds(60));
        assertThat(aMinute.lastSeenAddress()).isEqualTo("10.0.0.7");
    }

    @OnBothDatabases
    void tokensThatAreNotAKiosksCredentialFindNoKiosk(Database db) {
        KioskService kiosks = service(db);
        KioskEnrollmentCodeDto code = kiosks.createEnrollment("Reception", "ada@example.org");
        String credential = kiosks.enroll(new KioskEnrollRequest(code.code(), null), "10.0.0.5").credential();

        assertThat(kiosks.authenticate(null, "10.0.0.5")).isEmpty();
        assertThat(kiosks.authenticate("an-admin-session-token", "10.0.0.5")).isEmpty();
        assertThat(kiosks.authenticate(credential.substring(2), "10.0.0.5")).isEmpty();
        assertThat(kiosks.authenticate("k.unknown", "10.0.0.5")).isEmpty();
        assertThat(kiosks.authenticate(credential + "x", "10.0.0.5")).isEmpty();
    }

    @OnBothDatabases
    void revokingAnUnenrolledKioskKillsItsCodeAndRevokingTwiceChangesNothing(Database db) {
        KioskService kiosks = service(db);
        KioskEnrollmentCodeDto code = kiosks.createEnrollment("Reception", "ada@example.org");

        KioskDto first = kiosks.revoke("ada@example.org", code.kioskId());
        clock.advance(Duration.ofMinutes(5));
        KioskDto again = kiosks.revoke("ada@example.org", code.kioskId());

        assertThat(again).isEqualTo(first);
        assertThat(first.revokedAt()).isEqualTo(START);
        assertThat(first.enrollmentExpiresAt()).isNull();
        assertThat(refusal(() -> kiosks.enroll(new KioskEnrollRequest(code.code(), null), "10.0.0.5")).getMessage())
                .isEqualTo(KioskService.INVALID_CODE);
        assertThat(refusal(() -> kiosks.revoke("ada@example.org", "no-such-kiosk")).code()).isEqualTo(ErrorCode.NOT_FOUND);
    }

    @OnBothDatabases
    void theListShowsEveryKioskByNameWithWhereItIs(Database db) {
        KioskService kiosks = service(db);
        KioskEnrollmentCodeDto reception = kiosks.createEnrollment("reception", "ada@example.org");
        KioskEnrollmentCodeDto library = kiosks.createEnrollment("Library", "cli");
        KioskEnrollmentCodeDto canteen = kiosks.createEnrollment("Canteen", "ada@example.org");
        kiosks.enroll(new KioskEnrollRequest(library.code(), "lib-kiosk"), "10.0.0.8");
        kiosks.revoke("ada@example.org", canteen.kioskId());

        Page<KioskDto> all = kiosks.list(0, 50);
        Page<KioskDto> second = kiosks.list(1, 2);

        assertThat(all.total()).isEqualTo(3);
        assertThat(all.items()).extracting(KioskDto::name, KioskDto::status, KioskDto::createdBy,
                        KioskDto::deviceName)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Canteen", KioskDto.Status.REVOKED, "ada@example.org", null),
                        org.assertj.core.groups.Tuple.tuple("Library", KioskDto.Status.ENROLLED, "cli", "lib-kiosk"),
                        org.assertj.core.groups.Tuple.tuple("reception", KioskDto.Status.AWAITING_ENROLLMENT,
                                "ada@example.org", null));
        assertThat(all.items().get(2).enrollmentExpiresAt()).isEqualTo(reception.expiresAt());
        assertThat(all.items().get(1).enrolledAt()).isEqualTo(START);
        assertThat(second.items()).extracting(KioskDto::name).containsExactly("reception");
        assertThat(second.total()).isEqualTo(3);
    }

    @OnBothDatabases
    void badNamesAreRefusedAndWriteNothing(Database db) {
        KioskService kiosks = service(db);
        KioskEnrollmentCodeDto code = kiosks.createEnrollment("Reception", "ada@example.org");

        List<ApiException> refused = List.of(
                refusal(() -> kiosks.createEnrollment("   ", "ada@example.org")),
                refusal(() -> kiosks.createEnrollment(null, "ada@example.org")),
                refusal(() -> kiosks.createEnrollment("x".repeat(101), "ada@example.org")),
                refusal(() -> kiosks.createEnrollment("Reception\u0000", "ada@example.org")),
                refusal(() -> kiosks.enroll(new KioskEnrollRequest(code.code(), "k".repeat(254)), "10.0.0.5")),
                refusal(() -> kiosks.enroll(new KioskEnrollRequest(code.code(), "kiosk\n01"), "10.0.0.5")));

        assertThat(refused).extracting(ApiException::code).containsOnly(ErrorCode.INVALID_VALUE);
        assertThat(refused).extracting(e -> e.fieldErrors().getFirst().field())
                .containsExactly("name", "name", "name", "name", "deviceName", "deviceName");
        assertThat(db.dsl().fetchCount(KIOSK)).isEqualTo(1);
        assertThat(db.dsl().fetchCount(KIOSK_ENROLLMENT_CODE, KIOSK_ENROLLMENT_CODE.USED_AT.isNull())).isEqualTo(1);
        assertThat(kiosks.enroll(new KioskEnrollRequest(code.code(), "k".repeat(253)), "10.0.0.5").kioskId())
                .isEqualTo(code.kioskId());
    }

    @OnBothDatabases
    void onPlainHttpTheCredentialCarriesNoFingerprint(Database db) {
        KioskService kiosks = new KioskService(db, clock, () -> null, AuditSeals.log(db, Clock.systemUTC()));
        KioskEnrollmentCodeDto code = kiosks.createEnrollment("Reception", "cli");

        assertThat(kiosks.enroll(new KioskEnrollRequest(code.code(), null), "127.0.0.1")
                .serverCertificateFingerprint()).isNull();
    }

    private static ApiException refusal(Runnable call) {
        ApiException refused = catchThrowableOfType(ApiException.class, call::run);
        assertThat(refused).as("refused with an ApiException").isNotNull();
        return refused;
    }

    private static ErrorCode codeOf(Runnable call) {
        return refusal(call).code();
    }
}
