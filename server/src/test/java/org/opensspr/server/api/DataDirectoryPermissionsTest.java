package org.opensspr.server.api;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensspr.server.OpenSsprServer;
import org.opensspr.server.ServerConfig;
import org.opensspr.server.files.FileModes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Everything the server keeps in its data directory is owner-only on disk (files 0600, directories
 * 0700) although the JVM runs with a umask that lets others read new files: the embedded H2 database
 * and its trace file, the secret key, the TLS files, the demo sign-in details and outbox mail.
 */
class DataDirectoryPermissionsTest {
    @TempDir
    Path scratch;

    private Path data;

    @BeforeEach
    void permissiveUmask() {
        FileModes.assumePermissiveUmask(scratch);
        data = scratch.resolve("data");
    }

    @Test
    void aFreshDataDirectoryIsOwnerOnlyAfterTheFirstStartAndAfterItStops() {
        try (OpenSsprServer server = OpenSsprServer.open(new ServerConfig(data, "127.0.0.1", 0, null, null, null,
                false, null, null, false, true, null, null))) {
            server.seedDemo();
            server.start();

            assertThat(FileModes.of(data)).containsKeys("opensspr.mv.db", "opensspr.trace.db", "secret.key", "tls",
                    "tls/server.p12", "tls/server.p12.password", "demo-sign-in.txt");
            assertThat(FileModes.notOwnerOnly(data)).isEmpty();
        }
        // H2 compacts the database as it closes it; the file keeps its permissions.
        assertThat(FileModes.notOwnerOnly(data)).isEmpty();
    }

    @Test
    void theEmailOfAResetFlowLandsInAnOwnerOnlyOutboxFile() {
        try (InProcessServer server = InProcessServer.onEmbeddedDefault(data)) {
            ResetFlowApiTest.policy(server, 1);
            ResetFlowApiTest.ann(server);
            FlowClient flow = new FlowClient(server);
            flow.start("RESET_PASSWORD");
            flow.identify(ResetFlowApiTest.ANN);
            flow.choose("EMAIL");
            server.server().delivery().deliverDueNow();

            assertThat(FileModes.of(data).keySet()).anyMatch(name -> name.matches("outbox/\\d+-\\d{8}T\\d{6}Z\\.eml"));
            assertThat(FileModes.notOwnerOnly(data)).isEmpty();
        }
    }

    @Test
    void aLaterStartNarrowsWhatAnEarlierVersionOrTheLauncherLeftOpen() throws IOException {
        InProcessServer.onEmbeddedDefault(data).close();
        Path outbox = Files.createDirectories(data.resolve("outbox"));
        Files.writeString(outbox.resolve("1-20260105T101500Z.eml"), "Subject: an old message\r\n\r\nYour code is 12345678\r\n");
        Files.writeString(data.resolve("server.log"), "OpenSSPR server listening on http://127.0.0.1:8443\n");
        for (String name : new String[] {".", "outbox"}) {
            Files.setPosixFilePermissions(data.resolve(name), PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        for (String name : new String[] {"opensspr.mv.db", "opensspr.trace.db", "outbox/1-20260105T101500Z.eml",
                "server.log"}) {
            Files.setPosixFilePermissions(data.resolve(name), PosixFilePermissions.fromString("rw-r--r--"));
        }

        try (InProcessServer ignored = InProcessServer.onEmbeddedDefault(data)) {
            assertThat(FileModes.of(data)).containsKeys("outbox/1-20260105T101500Z.eml", "server.log");
            assertThat(FileModes.notOwnerOnly(data)).isEmpty();
        }
    }

    @Test
    void aSecretKeyOpenToOthersStillStopsTheStartInsteadOfBeingQuietlyNarrowed() throws IOException {
        InProcessServer.onEmbeddedDefault(data).close();
        Path key = data.resolve("secret.key");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> InProcessServer.onEmbeddedDefault(data)).hasMessageContaining("chmod 600");
        assertThat(FileModes.mode(key)).isEqualTo("rw-r--r--");
    }
}
