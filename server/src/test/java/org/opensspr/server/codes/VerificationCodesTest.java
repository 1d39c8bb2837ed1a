package org.opensspr.server.codes;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.opensspr.methods.AuthMethod;
import org.opensspr.server.crypto.SecretBox;
import org.opensspr.server.db.Database;
import org.opensspr.server.testing.OnBothDatabases;
import org.opensspr.server.time.ServerClock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.function.ToIntFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opensspr.server.db.Tables.RESET_FLOW;
import static org.opensspr.server.db.Tables.VERIFICATION_CODE;

/** Sent codes on H2 and PostgreSQL: format, the five-minute lifetime, resend, replay and storage. */
class VerificationCodesTest {
    private static final Instant START = Instant.parse("2026-11-03T09:00:00Z");
    private static final byte[] KEY = new byte[SecretBox.KEY_BYTES];

    private final ServerClock clock = ServerClock.movable(Clock.fixed(START, ZoneOffset.UTC));
    private final VerificationCodes codes = new VerificationCodes(clock, SecretBox.withKey(KEY));

    static void addFlow(DSLContext dsl, String flowId, String userId) {
        dsl.insertInto(RESET_FLOW)
                .set(RESET_FLOW.ID, flowId)
                .set(RESET_FLOW.INTENT, "RESET_PASSWORD")
                .set(RESET_FLOW.CLIENT_ADDRESS, "127.0.0.1")
                .set(RESET_FLOW.USER_ID, userId)
                .set(RESET_FLOW.TICKET_HASH, "ticket-" + flowId)
                .set(RESET_FLOW.STEP_NUMBER, 1)
                .set(RESET_FLOW.STARTED_AT, START.atOffset(ZoneOffset.UTC))
                .set(RESET_FLOW.UPDATED_AT, START.atOffset(ZoneOffset.UTC))
                .execute();
    }

    private CodeCheck verify(Database db, String flowId, AuthMethod method, String code) {
        return db.inTransaction(tx -> codes.verify(tx, flowId, method, code));
    }

    private IssuedCode issue(Database db, String flowId, AuthMethod method) {
        return db.inTransaction(tx -> codes.issue(tx, flowId, method));
    }

    @OnBothDatabases
    void aCodeIsEightDigitsAndWorksOnce(Database db) {
        addFlow(db.dsl(), "f1", "u1");
        IssuedCode issued = issue(db, "f1", AuthMethod.EMAIL);

        assertThat(issued.code()).matches("[0-9]{8}");
        assertThat(issued.expiresAt()).isEqualTo(START.plus(Duration.ofMinutes(5)));
        assertThat(issued.toString()).doesNotContain(issued.code());
        assertThat(verify(db, "f1", AuthMethod.EMAIL, issued.code())).isEqualTo(CodeCheck.VALID);
        assertThat(verify(db, "f1", AuthMethod.EMAIL, issued.code())).as("replay").isEqualTo(CodeCheck.USED);
    }

    @OnBothDatabases
    void validAtFourFiftyNineExpiredAtFive(Database db) {
        addFlow(db.dsl(), "f1", "u1");
        addFlow(db.dsl(), "f2", "u2");
        IssuedCode first = issue(db, "f1", AuthMethod.EMAIL);
        IssuedCode second = issue(db, "f2", AuthMethod.EMAIL);

        clock.advance(Duration.ofSeconds(4 * 60 + 59));
        assertThat(verify(db, "f1", AuthMethod.EMAIL, first.code())).as("at 4:59").isEqualTo(CodeCheck.VALID);

        clock.advance(Duration.ofSeconds(1));
        assertThat(verify(db, "f2", AuthMethod.EMAIL, second.code())).as("at 5:00").isEqualTo(CodeCheck.EXPIRED);
        assertThat(verify(db, "f2", AuthMethod.EMAIL, "00000000")).isEqualTo(CodeCheck.EXPIRED);
    }

    @OnBothDatabases
    void aResendRetiresTheEarlierCodeAndRestartsTheClock(Database db) {
        addFlow(db.dsl(), "f1", "u1");
        IssuedCode first = issue(db, "f1", AuthMethod.MOBILE_PHONE);
        clock.advance(Duration.ofMinutes(4));
        IssuedCode second = issue(db, "f1", AuthMethod.MOBILE_PHONE);
        clock.advance(Duration.ofMinutes(2));

        if (!first.code().equals(second.code())) {
            assertThat(verify(db, "f1", AuthMethod.MOBILE_PHONE, first.code())).isEqualTo(CodeCheck.WRONG);
        }
        assertThat(second.expiresAt()).isEqualTo(START.plus(Duration.ofMinutes(9)));
        assertThat(verify(db, "f1", AuthMethod.MOBILE_PHONE, second.code())).isEqualTo(CodeCheck.VALID);
        assertThat(db.dsl().fetchCount(VERIFICATION_CODE)).isEqualTo(1);
    }

    @OnBothDatabases
    void wrongCodesAndOtherMethodsOrFlowsDontMatch(Database db) {
        addFlow(db.dsl(), "f1", "u1");
        addFlow(db.dsl(), "f2", "u1");
        IssuedCode code = issue(db, "f1", AuthMethod.EMAIL);
        String wrong = String.format("%08d", (Integer.parseInt(code.code()) + 1) % 100_000_000);

        assertThat(verify(db, "f1", AuthMethod.EMAIL, wrong)).isEqualTo(CodeCheck.WRONG);
        assertThat(verify(db, "f1", AuthMethod.EMAIL, code.code().substring(1))).isEqualTo(CodeCheck.WRONG);
        assertThat(verify(db, "f1", AuthMethod.EMAIL, null)).isEqualTo(CodeCheck.WRONG);
        assertThat(verify(db, "f1", AuthMethod.EMAIL, "abcdefgh")).isEqualTo(CodeCheck.WRONG);
        assertThat(verify(db, "f1", AuthMethod.MOBILE_PHONE, code.code())).isEqualTo(CodeCheck.NOT_ISSUED);
        assertThat(verify(db, "f2", AuthMethod.EMAIL, code.code())).isEqualTo(CodeCheck.NOT_ISSUED);
        assertThat(verify(db, "f1", AuthMethod.EMAIL, " " + code.code().substring(0, 4) + " "
                + code.code().substring(4))).as("spaces ignored; wrong tries don't spend it").isEqualTo(CodeCheck.VALID);
    }

    @OnBothDatabases
    void theDatabaseHoldsOnlyAKeyedHashOfTheCode(Database db) {
        addFlow(db.dsl(), "f1", "u1");
        IssuedCode code = issue(db, "f1", AuthMethod.EMAIL);

        var row = db.dsl().selectFrom(VERIFICATION_CODE).fetchOne();
        assertThat(row.getCodeHmac()).matches("[0-9a-f]{64}")
                .isEqualTo(SecretBox.withKey(KEY).keyedHash(VerificationCodes.HMAC_PURPOSE)
                        .hex("f1\nEMAIL\n" + code.code()));
        assertThat(row.intoList()).noneMatch(value -> String.valueOf(value).contains(code.code()));

        VerificationCodes otherKey = new VerificationCodes(clock, SecretBox.withKey(filled((byte) 7)));
        CodeCheck underOtherKey = db.inTransaction(tx -> otherKey.verify(tx, "f1", AuthMethod.EMAIL, code.code()));
        assertThat(underOtherKey).as("useless under another server key").isEqualTo(CodeCheck.WRONG);
    }

    @OnBothDatabases
    void invalidatingByFlowOrByUserDropsOutstandingCodes(Database db) {
        addFlow(db.dsl(), "f1", "ada");
        addFlow(db.dsl(), "f2", "ada");
        addFlow(db.dsl(), "f3", "bob");
        IssuedCode f1 = issue(db, "f1", AuthMethod.EMAIL);
        issue(db, "f1", AuthMethod.MOBILE_PHONE);
        IssuedCode f2 = issue(db, "f2", AuthMethod.EMAIL);
        IssuedCode f3 = issue(db, "f3", AuthMethod.EMAIL);

        assertThat(count(db, tx -> codes.invalidateForFlow(tx, "f1"))).isEqualTo(2);
        assertThat(verify(db, "f1", AuthMethod.EMAIL, f1.code())).isEqualTo(CodeCheck.NOT_ISSUED);

        issue(db, "f1", AuthMethod.EMAIL);
        assertThat(count(db, tx -> codes.invalidateForUser(tx, "ada"))).isEqualTo(2);
        assertThat(verify(db, "f2", AuthMethod.EMAIL, f2.code())).isEqualTo(CodeCheck.NOT_ISSUED);
        assertThat(verify(db, "f3", AuthMethod.EMAIL, f3.code())).as("another user's").isEqualTo(CodeCheck.VALID);
    }

    @OnBothDatabases
    void purgesExpiredCodes(Database db) {
        addFlow(db.dsl(), "f1", "u1");
        addFlow(db.dsl(), "f2", "u1");
        issue(db, "f1", AuthMethod.EMAIL);
        clock.advance(Duration.ofMinutes(6));
        issue(db, "f2", AuthMethod.EMAIL);

        assertThat(count(db, tx -> codes.purgeExpiredBefore(tx, clock.instant()))).isEqualTo(1);
        assertThat(db.dsl().fetchValue(VERIFICATION_CODE.FLOW_ID)).isEqualTo("f2");
    }

    @OnBothDatabases
    void ofTwoConcurrentRightAnswersExactlyOnePasses(Database db) throws Exception {
        try (var threads = Executors.newFixedThreadPool(2)) {
            for (int round = 0; round < 10; round++) {
                String flowId = "f" + round;
                addFlow(db.dsl(), flowId, "u1");
                IssuedCode code = issue(db, flowId, AuthMethod.EMAIL);
                CyclicBarrier together = new CyclicBarrier(2);
                Callable<CodeCheck> attempt = () -> {
                    together.await();
                    return verify(db, flowId, AuthMethod.EMAIL, code.code());
                };

                var first = threads.submit(attempt);
                var second = threads.submit(attempt);

                assertThat(List.of(first.get(), second.get()))
                        .containsExactlyInAnyOrder(CodeCheck.VALID, CodeCheck.USED);
            }
        }
    }

    @Test
    void onlyMethodsProvenBySentCodesHaveCodes() {
        for (AuthMethod method : Set.of(AuthMethod.MOBILE_APP_CODE, AuthMethod.MOBILE_APP_NOTIFICATION,
                AuthMethod.SECURITY_QUESTIONS)) {
            assertThatThrownBy(() -> codes.issue(null, "f1", method)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void codesCoverLeadingZerosAndEveryDigit() {
        SplittableRandom random = new SplittableRandom(8);
        Set<Character> firstDigits = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String code = VerificationCodes.newCode(random);
            assertThat(code).matches("[0-9]{8}");
            firstDigits.add(code.charAt(0));
        }
        assertThat(firstDigits).hasSize(10);
    }

    private static int count(Database db, ToIntFunction<DSLContext> work) {
        return db.inTransaction(tx -> work.applyAsInt(tx));
    }

    private static byte[] filled(byte value) {
        byte[] key = new byte[SecretBox.KEY_BYTES];
        Arrays.fill(key, value);
        return key;
    }
}
