package org.opensspr.server.writeback;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.opensspr.server.db.Database;
import org.opensspr.server.db.TestDatabases;
import org.opensspr.server.testing.OnBothDatabases;
import org.opensspr.server.time.ServerClock;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opensspr.server.db.Tables.WRITEBACK_INTENT;

/**
 * The intent → directory → outcome order, and what each way of failing leaves behind, on H2 and
 * PostgreSQL with a real LDAP directory (UnboundID in-memory, OpenLDAP flavor) over a socket.
 */
class WritebackTest {
    private static final Instant START = Instant.parse("2026-11-21T09:00:00Z");
    private static final String OLD = "Old-Passw0rd";
    private static final String NEW = "New-Passw0rd!";
    private static final OnPremAccount ALICE = new OnPremAccount("user-alice", "alice@example.test");

    private final ServerClock clock = ServerClock.movable(Clock.fixed(START, ZoneOffset.UTC));
    private final AnswerLoss answerLoss = new AnswerLoss();
    private final PpolicyEmulator ppolicy = new PpolicyEmulator();
    private TestDirectory directory;
    private String aliceDn;
    private LdapPasswordWriteback ldap;

    @BeforeEach
    void startDirectory() {
        directory = TestDirectory.plain(ppolicy, answerLoss);
        ppolicy.attach(directory.server());
        answerLoss.attach(directory.server());
        aliceDn = directory.addUser("alice", "alice@example.test", OLD);
        ldap = new LdapPasswordWriteback(OpenLdapWritebackTest.settings(directory)
                .withTimeouts(Duration.ofSeconds(5), Duration.ofMillis(300)));
    }

    @AfterEach
    void stopDirectory() {
        answerLoss.release();
        ldap.close();
        directory.close();
    }

    @OnBothDatabases
    void theIntentIsCommittedPendingBeforeTheDirectoryHearsAnythingAndDoneAfter(Database db) {
        WritebackIntents intents = new WritebackIntents(db, clock);
        List<WritebackIntent> seenDuringTheCall = new ArrayList<>();
        Writeback writeback = new Writeback(new ScriptedWriteback(ldap,
                () -> seenDuringTheCall.addAll(intents.forUser(ALICE.userId(), 10)), () -> { }), intents);

        WritebackResult result = writeback.reset(ALICE, NEW, "flow-1");

        assertThat(result).isEqualTo(WritebackResult.DONE);
        assertThat(seenDuringTheCall).singleElement().satisfies(intent -> {
            assertThat(intent.status()).isEqualTo(IntentStatus.PENDING);
            assertThat(intent.operation()).isEqualTo(WritebackOperation.RESET);
            assertThat(intent.flowId()).isEqualTo("flow-1");
        });
        WritebackIntent after = intents.find(seenDuringTheCall.getFirst().id()).orElseThrow();
        assertThat(after.status()).isEqualTo(IntentStatus.DONE);
        assertThat(after.completedAt()).isEqualTo(START);
        assertThat(directory.canBind(aliceDn, NEW)).isTrue();
    }

    @OnBothDatabases
    void unlockAndChangeAreRecordedAsSuch(Database db) {
        WritebackIntents intents = new WritebackIntents(db, clock);
        Writeback writeback = new Writeback(ldap, intents);

        assertThat(writeback.unlock(ALICE, "flow-2")).isEqualTo(WritebackResult.DONE);
        clock.advance(Duration.ofSeconds(1));
        assertThat(writeback.changePassword(ALICE, OLD, NEW, null)).isEqualTo(WritebackResult.DONE);

        assertThat(intents.forUser(ALICE.userId(), 10))
                .extracting(WritebackIntent::operation, WritebackIntent::status, WritebackIntent::flowId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(WritebackOperation.CHANGE, IntentStatus.DONE, null),
                        org.assertj.core.groups.Tuple.tuple(WritebackOperation.UNLOCK, IntentStatus.DONE, "flow-2"));
    }

    @OnBothDatabases
    void aPolicyRejectionFailsTheIntentWithTheDirectorysMessageButNeverThePassword(Database db) {
        WritebackIntents intents = new WritebackIntents(db, clock);
        String tooShort = "short1!";

        WritebackResult result = new Writeback(ldap, intents).reset(ALICE, tooShort, "flow-1");

        assertThat(result).isEqualTo(new WritebackResult.RejectedByPolicy(PpolicyEmulator.QUALITY));
        WritebackIntent intent = intents.forUser(ALICE.userId(), 1).getFirst();
        assertThat(intent.status()).isEqualTo(IntentStatus.FAILED);
        assertThat(intent.detail()).contains(PpolicyEmulator.QUALITY);
        assertThat(everyStoredText(db)).noneMatch(text -> text.contains(tooShort));
    }

    @OnBothDatabases
    void anAccountMissingFromTheDirectoryFailsTheIntent(Database db) {
        WritebackIntents intents = new WritebackIntents(db, clock);
        OnPremAccount gone = new OnPremAccount("user-gone", "gone@example.test");

        assertThat(new Writeback(ldap, intents).reset(gone, NEW, null)).isEqualTo(WritebackResult.NOT_FOUND);
        assertThat(intents.forUser("user-gone", 1).getFirst().status()).isEqualTo(IntentStatus.FAILED);
    }

    @OnBothDatabases
    void aDirectoryThatIsDownFailsTheIntentBecauseNothingReachedIt(Database db) {
        WritebackIntents intents = new WritebackIntents(db, clock);
        directory.stop();

        WritebackResult result = new Writeback(ldap, intents).reset(ALICE, NEW, "flow-1");

        assertThat(result).isInstanceOf(WritebackResult.Unavailable.class);
        WritebackIntent intent = intents.forUser(ALICE.userId(), 1).getFirst();
        assertThat(intent.status()).isEqualTo(IntentStatus.FAILED);
        assertThat(intent.detail()).startsWith("The directory was not changed");
    }

    @OnBothDatabases
    void noReplyToAChangeTheDirectoryAppliedLeavesTheIntentUnknown(Database db) {
        WritebackIntents intents = new WritebackIntents(db, clock);
        answerLoss.loseNextAnswers(AnswerLoss.Mode.HOLD_REPLY);

        WritebackResult result = new Writeback(ldap, intents).reset(ALICE, NEW, "flow-1");
        answerLoss.release();

        assertThat(result).isInstanceOf(WritebackResult.Unavailable.class);
        assertThat(((WritebackResult.Unavailable) result).mayHaveApplied()).isTrue();
        WritebackIntent intent = intents.forUser(ALICE.userId(), 1).getFirst();
        assertThat(intent.status()).isEqualTo(IntentStatus.UNKNOWN);
        assertThat(intent.detail()).startsWith("The directory may or may not have applied the change");
        assertThat(directory.canBind(aliceDn, NEW)).as("it did apply: FAILED would have been a lie").isTrue();
    }

    @OnBothDatabases
    void aConnectionDroppedAfterTheChangeWasSentLeavesTheIntentUnknown(Database db) {
        WritebackIntents intents = new WritebackIntents(db, clock);
        answerLoss.loseNextAnswers(AnswerLoss.Mode.DROP_CONNECTION);

        WritebackResult result = new Writeback(ldap, intents).reset(ALICE, NEW, "flow-1");

        assertThat(result).isInstanceOf(WritebackResult.Unavailable.class);
        assertThat(((WritebackResult.Unavailable) result).mayHaveApplied()).isTrue();
        assertThat(intents.forUser(ALICE.userId(), 1).getFirst().status()).isEqualTo(IntentStatus.UNKNOWN);
        assertThat(directory.canBind(aliceDn, NEW)).isTrue();
    }

    @OnBothDatabases
    void aPortThatThrowsMidCallLeavesTheIntentUnknownAndTheErrorGoesOn(Database db) {
        WritebackIntents intents = new WritebackIntents(db, clock);
        Writeback writeback = new Writeback(new ScriptedWriteback(ldap, () -> { }, () -> {
            throw new IllegalStateException("lost in the middle of the call");
        }), intents);

        assertThatThrownBy(() -> writeback.reset(ALICE, NEW, "flow-1"))
                .isInstanceOf(IllegalStateException.class).hasMessage("lost in the middle of the call");

        WritebackIntent intent = intents.forUser(ALICE.userId(), 1).getFirst();
        assertThat(intent.status()).isEqualTo(IntentStatus.UNKNOWN);
        assertThat(intent.detail()).contains("IllegalStateException").doesNotContain(NEW);
        assertThat(directory.canBind(aliceDn, NEW)).as("the change went through before the failure").isTrue();
    }

    @OnBothDatabases
    void aCrashAfterTheDirectoryCallIsReconciledWithWhatTheDirectoryShows(TestDatabases kind) {
        String url = sharedDatabaseUrl(kind);
        String user = kind == TestDatabases.H2 ? "sa" : "postgres";
        try (Database restarted = Database.open(url, user, "")) {
            Database crashing = Database.open(url, user, "");
            Writeback dying = new Writeback(new ScriptedWriteback(ldap, () -> { }, crashing::close),
                    new WritebackIntents(crashing, clock));

            WritebackResult result = dying.reset(ALICE, NEW, "flow-1");

            assertThat(result).as("the directory's answer still reaches the caller").isEqualTo(WritebackResult.DONE);
            WritebackIntents intents = new WritebackIntents(restarted, clock);
            WritebackIntent left = intents.forUser(ALICE.userId(), 1).getFirst();
            assertThat(left.status()).isEqualTo(IntentStatus.PENDING);
            assertThat(directory.canBind(aliceDn, NEW)).isTrue();
            WritebackIntent untouched = intents.begin("user-bob", "flow-2", WritebackOperation.RESET);

            Writeback running = new Writeback(ldap, intents);
            Function<String, Optional<OnPremAccount>> accounts = id -> Optional.of(
                    id.equals(ALICE.userId()) ? ALICE : new OnPremAccount(id, "bob@example.test"));
            assertThat(running.reconcile(accounts)).as("a young intent may be a call still in flight").isEmpty();
            clock.advance(ldap.longestCall().plusSeconds(1));
            assertThat(running.reconcile(accounts)).hasSize(2);

            WritebackIntent resolved = intents.find(left.id()).orElseThrow();
            assertThat(resolved.status()).as(resolved.detail()).isEqualTo(IntentStatus.DONE);
            assertThat(resolved.detail()).startsWith("Reconciled: the directory shows a password change");
            assertThat(intents.find(untouched.id()).orElseThrow().status()).as("bob isn't in the directory")
                    .isEqualTo(IntentStatus.UNKNOWN);
            assertThat(running.reconcile(accounts)).isEmpty();
        }
    }

    @OnBothDatabases
    void aPasswordTheDirectoryNeverChangedIsReconciledAsFailed(Database db) {
        WritebackIntents intents = new WritebackIntents(db, clock);
        directory.addUser("carol", "carol@example.test", OLD);
        OnPremAccount carol = new OnPremAccount("user-carol", "carol@example.test");
        ldap.resetPassword(carol, "Before-The-Intent-1", false);
        // the directory stamps real time: the intent comes a minute after that change
        clock.advance(Duration.between(clock.instant(), java.time.Instant.now()).plusMinutes(1));
        WritebackIntent lost = intents.begin(carol.userId(), "flow-3", WritebackOperation.RESET);

        clock.advance(ldap.longestCall().plusSeconds(1));
        new Writeback(ldap, intents).reconcile(id -> Optional.of(carol));

        assertThat(intents.find(lost.id()).orElseThrow().status()).isEqualTo(IntentStatus.FAILED);
    }

    @OnBothDatabases
    void withoutADatabaseForTheIntentTheDirectoryIsNotCalled(TestDatabases kind) {
        Database db = kind.fresh();
        db.close();
        Writeback writeback = new Writeback(ldap, new WritebackIntents(db, clock));

        assertThatThrownBy(() -> writeback.reset(ALICE, NEW, "flow-1")).isInstanceOf(RuntimeException.class);
        assertThat(directory.canBind(aliceDn, OLD)).isTrue();
    }

    private static String sharedDatabaseUrl(TestDatabases kind) {
        return switch (kind) {
            case H2 -> "jdbc:h2:mem:wb" + UUID.randomUUID().toString().replace("-", "")
                    + ";DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
            case POSTGRES -> TestDatabases.freshPostgresUrl();
        };
    }

    private static List<String> everyStoredText(Database db) {
        List<String> texts = new ArrayList<>();
        db.dsl().selectFrom(WRITEBACK_INTENT).fetch().forEach(row -> {
            for (int i = 0; i < row.size(); i++) {
                texts.add(String.valueOf(row.get(i)));
            }
        });
        return texts;
    }
}
