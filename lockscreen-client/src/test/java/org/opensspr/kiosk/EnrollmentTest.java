package org.opensspr.kiosk;

import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opensspr.api.KioskEnrollmentCodeDto;
import org.opensspr.client.OpenSsprClient;
import org.opensspr.directory.Role;
import org.opensspr.kiosk.branding.Branding;
import org.opensspr.kiosk.connection.CredentialStore;
import org.opensspr.kiosk.connection.ServerConnection;
import org.opensspr.kiosk.hardening.AdminPin;
import org.opensspr.server.api.TestAdmins;
import org.opensspr.ui.i18n.Language;
import org.opensspr.ui.tasks.Background;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * First start against a remote server (no data directory, no credential): the kiosk asks for the
 * one-time enrollment code, keeps the credential 0600 in its settings directory, and later starts use it.
 */
@ExtendWith(ApplicationExtension.class)
class EnrollmentTest {
    private static DemoServer server;
    private final Background background = new Background();
    private Path settings;
    private KioskLauncher launcher;

    @BeforeAll
    static void startServer() {
        server = DemoServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Start
    void start(Stage stage) throws IOException {
        settings = Files.createTempDirectory("kiosk-settings").resolve("opensspr");
        launcher = new KioskLauncher(KioskOptions.parse("--server", server.url(), "--settings", settings.toString()),
                background, Language.ENGLISH, AdminPin.of(TestKiosk.PIN.toCharArray()), () -> { },
                client -> () -> Branding.NONE, new PrintStream(new ByteArrayOutputStream()));
        launcher.launch(stage, 1280, 800);
        stage.show();
    }

    @AfterEach
    void stop() {
        launcher.stop();
        background.close();
    }

    @Test
    void enrollsWithTheOneTimeCodeAndKeepsTheCredential(FxRobot fx) throws TimeoutException, IOException {
        assertThat(fx.lookup("#enrollment").tryQuery()).isPresent();
        assertThat(org.opensspr.ui.a11y.AccessibleTextAudit.unnamedControls(
                fx.lookup("#enrollment").queryParent())).isEmpty();
        KioskEnrollmentCodeDto code;
        try (OpenSsprClient admin = TestAdmins.client(server.server(), Role.GLOBAL_ADMINISTRATOR)) {
            code = admin.createKiosk("Reception 1");
        }

        fx.clickOn("#enrollmentCode").write("AAAA-BBBB-CCCC-DDDD", 0).clickOn("#enrollButton");
        waitForCalls();
        assertThat(fx.lookup("#enrollmentMessage").queryLabeled().getText())
                .isEqualTo("This enrollment code isn't valid: it may be mistyped, used already or expired.");
        assertThat(launcher.kiosk()).isNull();

        fx.interact(() -> fx.lookup("#enrollmentCode").queryTextInputControl().clear());
        fx.clickOn("#enrollmentCode").write(code.code(), 0).type(javafx.scene.input.KeyCode.ENTER);
        waitForCalls();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> launcher.kiosk() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx.lookup("#signIn").tryQuery()).as("the sign-in screen follows").isPresent();

        CredentialStore store = new CredentialStore(settings);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file()))).isEqualTo("rw-------");
        assertThat(store.load(server.url())).hasValueSatisfying(stored -> {
            assertThat(stored.kioskName()).isEqualTo("Reception 1");
            assertThat(stored.credential()).startsWith("k.");
        });

        ServerConnection.Plan later = ServerConnection.plan(
                KioskOptions.parse("--server", server.url(), "--settings", settings.toString()), store);
        assertThat(later).isInstanceOfSatisfying(ServerConnection.Plan.Ready.class, ready -> {
            try (OpenSsprClient client = ready.client()) {
                assertThat(client.thisKiosk().name()).as("the stored credential is this kiosk's").isEqualTo("Reception 1");
            }
        });
    }

    private void waitForCalls() throws TimeoutException {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !background.isBusy());
        WaitForAsyncUtils.waitForFxEvents();
    }
}
