package org.opensspr.server.writeback;

import com.unboundid.ldap.sdk.Attribute;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenLDAP flavor against UnboundID's in-memory directory over a real socket, with ppolicy's
 * replies emulated by {@link PpolicyEmulator}. slapd itself comes with the on-premises connector issue.
 */
class OpenLdapWritebackTest {
    private static final String OLD = "Old-Passw0rd";
    private static final String NEW = "New-Passw0rd!";
    private static final OnPremAccount ALICE = new OnPremAccount("user-alice", "alice@example.test");

    private final PpolicyEmulator ppolicy = new PpolicyEmulator();
    private TestDirectory directory;
    private String aliceDn;
    private LdapPasswordWriteback writeback;

    @BeforeEach
    void start() {
        directory = TestDirectory.plain(ppolicy);
        ppolicy.attach(directory.server());
        aliceDn = directory.addUser("alice", "alice@example.test", OLD);
        writeback = new LdapPasswordWriteback(settings(directory));
    }

    @AfterEach
    void stop() {
        writeback.close();
        directory.close();
    }

    static LdapSettings settings(TestDirectory directory) {
        return LdapSettings.openLdap(List.of(directory.url()), TestDirectory.SERVICE_DN, TestDirectory.SERVICE_PASSWORD,
                TestDirectory.BASE_DN).withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    @Test
    void aResetReplacesThePasswordSoOnlyTheNewOneBinds() {
        WritebackResult result = writeback.resetPassword(ALICE, NEW, false);

        assertThat(result).isEqualTo(WritebackResult.DONE);
        assertThat(directory.canBind(aliceDn, NEW)).isTrue();
        assertThat(directory.canBind(aliceDn, OLD)).isFalse();
        // that slapd stores it hashed is checked against a real slapd (SlapdWritebackTest)
    }

    @Test
    void aPasswordTheDirectoryRefusesComesBackWithTheDirectorysOwnMessage() {
        WritebackResult result = writeback.resetPassword(ALICE, "short1!", false);

        assertThat(result).isEqualTo(new WritebackResult.RejectedByPolicy(PpolicyEmulator.QUALITY));
        assertThat(directory.canBind(aliceDn, OLD)).isTrue();
    }

    @Test
    void unlockRemovesTheLockSoTheUserCanBindAgain() {
        directory.close();
        directory = TestDirectory.plain(ppolicy);
        ppolicy.attach(directory.server());
        aliceDn = directory.addUser("alice", "alice@example.test", OLD,
                new Attribute("pwdAccountLockedTime", "20261121232316Z"));
        writeback.close();
        writeback = new LdapPasswordWriteback(settings(directory));
        assertThat(directory.canBind(aliceDn, OLD)).isFalse();

        WritebackResult result = writeback.unlock(ALICE);

        assertThat(result).isEqualTo(WritebackResult.DONE);
        assertThat(directory.entry(aliceDn).hasAttribute("pwdAccountLockedTime")).isFalse();
        assertThat(directory.canBind(aliceDn, OLD)).isTrue();
    }

    @Test
    void unlockingAnAccountThatIsNotLockedIsDone() {
        assertThat(writeback.unlock(ALICE)).isEqualTo(WritebackResult.DONE);
        assertThat(directory.canBind(aliceDn, OLD)).isTrue();
    }

    @Test
    void aChangeWithTheCurrentPasswordSetsTheNewOne() {
        WritebackResult result = writeback.changePassword(ALICE, OLD, NEW);

        assertThat(result).isEqualTo(WritebackResult.DONE);
        assertThat(directory.canBind(aliceDn, NEW)).isTrue();
        assertThat(directory.canBind(aliceDn, OLD)).isFalse();
    }

    @Test
    void aChangeWithAWrongCurrentPasswordIsRejectedAndChangesNothing() {
        WritebackResult result = writeback.changePassword(ALICE, "Not-The-Passw0rd", NEW);

        assertThat(result).isInstanceOf(WritebackResult.RejectedByPolicy.class);
        assertThat(((WritebackResult.RejectedByPolicy) result).directoryMessage()).contains("current password");
        assertThat(directory.canBind(aliceDn, OLD)).isTrue();
    }

    @Test
    void aChangeToAPasswordThePolicyRefusesIsRejected() {
        WritebackResult result = writeback.changePassword(ALICE, OLD, "short1!");

        assertThat(result).isEqualTo(new WritebackResult.RejectedByPolicy(PpolicyEmulator.QUALITY));
        assertThat(directory.canBind(aliceDn, OLD)).isTrue();
    }

    @Test
    void anAccountWithNoEntryIsNotFound() {
        OnPremAccount nobody = new OnPremAccount("user-nobody", "nobody@example.test");

        assertThat(writeback.resetPassword(nobody, NEW, false)).isEqualTo(WritebackResult.NOT_FOUND);
        assertThat(writeback.unlock(nobody)).isEqualTo(WritebackResult.NOT_FOUND);
        assertThat(writeback.changePassword(nobody, OLD, NEW)).isEqualTo(WritebackResult.NOT_FOUND);
    }

    @Test
    void filterCharactersInTheNameAreMatchedLiterallyNotAsAFilter() {
        OnPremAccount wildcard = new OnPremAccount("user-x", "*@example.test");
        OnPremAccount injection = new OnPremAccount("user-y", "alice)(uid=*@example.test");

        assertThat(writeback.resetPassword(wildcard, NEW, false)).isEqualTo(WritebackResult.NOT_FOUND);
        assertThat(writeback.resetPassword(injection, NEW, false)).isEqualTo(WritebackResult.NOT_FOUND);
        assertThat(directory.canBind(aliceDn, OLD)).isTrue();
    }

    @Test
    void twoEntriesWithTheSameNameAreNotGuessedBetween() {
        String other = "uid=alice,ou=services," + TestDirectory.BASE_DN;
        directory.addUser("alice2", "alice2@example.test", OLD);
        try {
            directory.server().add("dn: " + other, "objectClass: person", "uid: alice", "sn: a", "userPassword: " + OLD);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }

        WritebackResult result = writeback.resetPassword(ALICE, NEW, false);

        assertThat(result).isInstanceOf(WritebackResult.Unavailable.class);
        assertThat(((WritebackResult.Unavailable) result).why()).contains("more than one directory entry");
        assertThat(((WritebackResult.Unavailable) result).mayHaveApplied()).isFalse();
        assertThat(directory.canBind(aliceDn, OLD)).isTrue();
        assertThat(directory.canBind(other, OLD)).isTrue();
    }

    @Test
    void aDirectoryThatIsDownIsUnavailableAndCertainlyUnchanged() {
        directory.stop();

        WritebackResult result = writeback.resetPassword(ALICE, NEW, false);

        assertThat(result).isInstanceOf(WritebackResult.Unavailable.class);
        WritebackResult.Unavailable unavailable = (WritebackResult.Unavailable) result;
        assertThat(unavailable.mayHaveApplied()).isFalse();
        assertThat(unavailable.why()).contains("can't be reached").doesNotContain(NEW);
    }

    @Test
    void aServiceAccountWithAWrongPasswordIsUnavailableNotRejected() {
        LdapSettings wrong = new LdapSettings(List.of(directory.url()), TestDirectory.SERVICE_DN, "wrong-password",
                TestDirectory.BASE_DN, "uid", true, DirectoryFlavor.OPENLDAP, null, null, null, 0);
        try (LdapPasswordWriteback badlyConfigured = new LdapPasswordWriteback(wrong)) {
            WritebackResult result = badlyConfigured.resetPassword(ALICE, NEW, false);

            assertThat(result).isInstanceOf(WritebackResult.Unavailable.class);
            assertThat(((WritebackResult.Unavailable) result).why()).contains("service account").contains("invalidCredentials");
        }
    }

    @Test
    void aPooledConnectionTheDirectoryDroppedIsReplacedOnTheNextCall() {
        assertThat(writeback.resetPassword(ALICE, NEW, false)).isEqualTo(WritebackResult.DONE);
        directory.server().closeAllConnections(false); // e.g. the directory's idle timeout closed them

        assertThat(writeback.resetPassword(ALICE, "Third-Passw0rd", false)).isEqualTo(WritebackResult.DONE);
        assertThat(directory.canBind(aliceDn, "Third-Passw0rd")).isTrue();
    }

    @Test
    void makingTheWritebackDoesNotNeedTheDirectory() {
        LdapSettings settings = settings(directory);
        directory.stop();

        try (LdapPasswordWriteback created = new LdapPasswordWriteback(settings)) {
            // the server starts even while the directory is down; the first call says so
            assertThat(created.unlock(ALICE)).isInstanceOf(WritebackResult.Unavailable.class);
        }
    }
}
