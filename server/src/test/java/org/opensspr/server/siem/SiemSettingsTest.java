package org.opensspr.server.siem;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class SiemSettingsTest {
    @Test
    void plainTcpIsRefusedUnlessTheCollectorIsOnLoopback() {
        assertThat(plain("siem.example.org").problems()).singleElement().asString()
                .contains("only allowed to a loopback collector", "siem.example.org", "--siem-plain-tcp");
        assertThat(plain("10.0.0.5").problems()).hasSize(1);
        assertThat(plain("127.0.0.1").problems()).isEmpty();
        assertThat(plain("::1").problems()).isEmpty();
        assertThat(plain("localhost").problems()).isEmpty();
    }

    @Test
    void aCaFileMustHoldCertificates(@TempDir Path dir) throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.pem"), "");
        Path missing = dir.resolve("missing.pem");

        assertThat(new SiemSettings("siem.example.org", 6514, SiemFormat.CEF, empty).problems()).singleElement()
                .asString().contains("holds no certificate");
        assertThat(new SiemSettings("siem.example.org", 6514, SiemFormat.CEF, missing).problems()).singleElement()
                .asString().contains("can't be read");
    }

    @Test
    void otherSettingsAreChecked() {
        assertThat(new SiemSettings(" ", 0, null, null, false, Duration.ZERO, 100).problems()).hasSize(4);
        assertThat(new SiemSettings("siem.example.org", 6514, null, null).format()).isEqualTo(SiemFormat.CEF);
    }

    @Test
    void theDestinationIsHostAndPort() {
        assertThat(new SiemSettings("SIEM.example.org", 6514, SiemFormat.CEF, null).destination())
                .isEqualTo("siem.example.org:6514");
        assertThat(new SiemSettings("::1", 1514, SiemFormat.CEF, null).destination()).isEqualTo("[::1]:1514");
    }

    private static SiemSettings plain(String host) {
        return new SiemSettings(host, 1514, SiemFormat.JSON, null, true, Duration.ofSeconds(5), 8000);
    }
}
