package org.opensspr.server.crypto;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretBoxTest {
    private static final String PURPOSE = "admin_credential.totp_secret";

    private final SecretBox box = SecretBox.withKey(randomKey());

    @Test
    void sealsAndOpens() {
        String sealed = box.seal("JBSWY3DPEHPK3PXP", PURPOSE);

        assertThat(box.openString(sealed, PURPOSE)).isEqualTo("JBSWY3DPEHPK3PXP");
        assertThat(sealed).doesNotContain("JBSWY3DPEHPK3PXP");
        byte[] raw = Base64.getDecoder().decode(sealed);
        assertThat(raw[0]).isEqualTo((byte) 1); // version
        assertThat(raw).hasSize(1 + 12 + 16 + 16); // version | nonce | ciphertext | tag
    }

    @Test
    void usesAFreshNonceEveryTime() {
        assertThat(box.seal("same", PURPOSE)).isNotEqualTo(box.seal("same", PURPOSE));
    }

    @Test
    void refusesATamperedValue() {
        byte[] raw = Base64.getDecoder().decode(box.seal("secret seed", PURPOSE));
        for (int i = 1; i < raw.length; i++) { // every nonce, ciphertext and tag byte
            byte[] tampered = raw.clone();
            tampered[i] ^= 0x01;
            String text = Base64.getEncoder().encodeToString(tampered);
            assertThatThrownBy(() -> box.open(text, PURPOSE)).isInstanceOf(SealedSecretException.class);
        }
        raw[0] = 2;
        assertThatThrownBy(() -> box.open(Base64.getEncoder().encodeToString(raw), PURPOSE))
                .isInstanceOf(SealedSecretException.class).hasMessageContaining("unknown format");
        assertThatThrownBy(() -> box.open("not base64!", PURPOSE)).isInstanceOf(SealedSecretException.class);
    }

    @Test
    void aValueSealedForOnePurposeDoesNotOpenForAnother() {
        String sealed = box.seal("secret seed", PURPOSE);

        assertThatThrownBy(() -> box.open(sealed, "kiosk.credential"))
                .isInstanceOf(SealedSecretException.class)
                .hasMessageContaining("kiosk.credential")
                .hasMessageNotContaining("secret seed");
    }

    @Test
    void anotherKeyCannotOpen() {
        String sealed = box.seal("secret seed", PURPOSE);

        assertThatThrownBy(() -> SecretBox.withKey(randomKey()).open(sealed, PURPOSE))
                .isInstanceOf(SealedSecretException.class);
    }

    @Test
    void createsAKeyFileOnlyItsOwnerCanRead(@TempDir Path dataDir) throws Exception {
        SecretBox first = SecretBox.fromKeyFile(dataDir);
        Path keyFile = dataDir.resolve("secret.key");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        assertThat(Files.size(keyFile)).isEqualTo(32);
        try (var files = Files.list(dataDir)) {
            assertThat(files).containsExactly(keyFile); // no temporary file left behind
        }
        String sealed = first.seal("seed", PURPOSE);
        assertThat(SecretBox.fromKeyFile(dataDir).openString(sealed, PURPOSE)).isEqualTo("seed");
    }

    @Test
    void refusesAKeyFileOthersCanRead(@TempDir Path dataDir) throws Exception {
        Path keyFile = dataDir.resolve("secret.key");
        Files.write(keyFile, randomKey());
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> SecretBox.fromKeyFile(dataDir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(keyFile.toString())
                .hasMessageContaining("rw-r--r--")
                .hasMessageContaining("chmod 600");
    }

    @Test
    void refusesAKeyFileOfTheWrongSize(@TempDir Path dataDir) throws Exception {
        Path keyFile = dataDir.resolve("secret.key");
        Files.write(keyFile, new byte[16]);
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));

        assertThatThrownBy(() -> SecretBox.fromKeyFile(dataDir)).hasMessageContaining("exactly 32 bytes");
    }

    @Test
    void readsTheKeyFromTheEnvironmentWhenSet(@TempDir Path dataDir) {
        byte[] key = randomKey();
        Map<String, String> env = Map.of(SecretBox.ENVIRONMENT_VARIABLE, Base64.getEncoder().encodeToString(key));

        String sealed = SecretBox.withKey(key).seal("seed", PURPOSE);

        assertThat(SecretBox.fromEnvironment(env).orElseThrow().openString(sealed, PURPOSE)).isEqualTo("seed");
        assertThat(SecretBox.fromEnvironment(Map.of())).isEmpty();
        assertThat(SecretBox.fromEnvironmentOrKeyFile(env, dataDir).openString(sealed, PURPOSE)).isEqualTo("seed");
        assertThat(dataDir.resolve("secret.key")).doesNotExist();
    }

    @Test
    void refusesABadEnvironmentKeyWithoutEchoingIt() {
        assertThatThrownBy(() -> SecretBox.fromEnvironment(Map.of(SecretBox.ENVIRONMENT_VARIABLE, "c2hvcnQ=")))
                .hasMessageContaining("exactly 32 bytes").hasMessageNotContaining("c2hvcnQ");
        assertThatThrownBy(() -> SecretBox.fromEnvironment(Map.of(SecretBox.ENVIRONMENT_VARIABLE, "%%%secret%%%")))
                .hasMessageContaining("not valid base64").hasMessageNotContaining("%%%secret");
    }

    @Test
    void keyedHashesDependOnKeyAndPurpose() {
        byte[] key = randomKey();
        String a = SecretBox.withKey(key).keyedHash("fingerprint").hex("wrong password");

        assertThat(a).hasSize(64).isEqualTo(SecretBox.withKey(key).keyedHash("fingerprint").hex("wrong password"));
        assertThat(SecretBox.withKey(key).keyedHash("other").hex("wrong password")).isNotEqualTo(a);
        assertThat(SecretBox.withKey(randomKey()).keyedHash("fingerprint").hex("wrong password")).isNotEqualTo(a);
    }

    @Test
    void neverPrintsItsKey() {
        assertThat(box.toString()).isEqualTo("SecretBox[key=<redacted>]");
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
