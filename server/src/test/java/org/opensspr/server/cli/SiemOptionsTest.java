package org.opensspr.server.cli;

import org.junit.jupiter.api.Test;
import org.opensspr.server.siem.SiemFormat;
import org.opensspr.server.siem.SiemSettings;
import picocli.CommandLine;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SiemOptionsTest {
    @Test
    void theSiemOptionsBecomeSettingsWithTheirDefaults() {
        RunCommand command = parse("--siem-host", "siem.example.org");

        assertThat(command.siem.settings()).isEqualTo(new SiemSettings("siem.example.org", 6514, SiemFormat.CEF, null,
                false, Duration.ofSeconds(10), SiemSettings.DEFAULT_MAX_MESSAGE_BYTES));
    }

    @Test
    void everyOptionIsRead() {
        RunCommand command = parse("--siem-host", "127.0.0.1", "--siem-port", "1514", "--siem-format", "JSON",
                "--siem-plain-tcp", "--siem-timeout", "3", "--siem-max-message", "4096");

        assertThat(command.siem.settings()).isEqualTo(new SiemSettings("127.0.0.1", 1514, SiemFormat.JSON, null, true,
                Duration.ofSeconds(3), 4096));
        assertThat(parse("--siem-host", "h", "--siem-ca", "/etc/ssl/siem-ca.pem").siem.settings().caFile())
                .isEqualTo(Path.of("/etc/ssl/siem-ca.pem"));
    }

    @Test
    void withoutAHostThereIsNoSiemAndAnotherSiemOptionIsAnError() {
        assertThat(parse().siem).isNull();
        assertThatThrownBy(() -> parse("--siem-format", "JSON"))
                .isInstanceOf(CommandLine.MissingParameterException.class).hasMessageContaining("--siem-host");
    }

    private static RunCommand parse(String... args) {
        RunCommand command = new RunCommand();
        new CommandLine(command).parseArgs(args);
        return command;
    }
}
