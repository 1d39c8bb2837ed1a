package org.opensspr.server.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensspr.server.ServerConfig;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigTemplateTest {
    @TempDir
    Path folder;

    @Test
    void everyOptionOfRunIsListedButHelpVersionAndTestMode() {
        String template = ConfigTemplate.render(ConfigTemplateCommand.runSpec(), Path.of("/var/lib/opensspr"));
        List<String> names = new CommandLine(new RunCommand()).getCommandSpec().options().stream()
                .filter(option -> !option.usageHelp() && !option.versionHelp())
                .map(OptionSpec::longestName).filter(name -> !name.equals("--test-mode")).toList();

        assertThat(names).contains("--host", "--smtp-host", "--ldap-url", "--twilio-account-sid", "--siem-host",
                "--metrics-token-env", "--demo");
        for (String name : names) {
            if (name.equals("--data")) {
                assertThat(template).contains("\n--data /var/lib/opensspr\n");
            } else {
                assertThat(template).containsPattern("(?m)^# " + name + "( |$)");
            }
        }
        // Every default rendered, and rendered as a value (a group's options are defaults of an object not made yet).
        assertThat(template).doesNotContain("--test-mode", "--help", "--version", "${", "default: null");
        assertThat(template).contains("Mail relay (without it, mail stays in the outbox):",
                "SIEM forwarding of the audit log (syslog over TLS):",
                "# --smtp-password-env OPENSSPR_SMTP_PASSWORD\n", "# --metrics-token-env VAR\n", "# --http\n");
        assertThat(template.lines().filter(line -> !line.isBlank() && !line.startsWith("#")))
                .containsExactly("--data /var/lib/opensspr");
        List<String> lines = template.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("# --")) { // an option's line, never a description's
                assertThat(lines.get(i + 1)).as("after " + lines.get(i)).isEmpty();
            }
        }
        // Wrapped: only a single word too long for a line may make one longer.
        assertThat(template.lines()).allMatch(line -> line.length() <= 100 || line.indexOf(' ', 2) < 0);
    }

    @Test
    void theTemplateIsAnAtFileThatRunParsesToTheDataDirectoryAndTheDefaults() throws IOException {
        Path data = folder.resolve("data with space");
        RunCommand command = parseAtFile(write("server.conf", template(data)));

        assertThat(command.options.dataDirectory).isEqualTo(data);
        assertThat(command.host).isEqualTo("127.0.0.1");
        assertThat(command.port).isEqualTo(ServerConfig.DEFAULT_PORT);
        assertThat(command.options.jdbcPasswordVariable).isEqualTo("OPENSSPR_DB_PASSWORD");
        assertThat(command.plainHttp).isFalse();
        assertThat(command.testMode).isFalse();
        assertThat(command.demo).isFalse();
        assertThat(command.smtp).isNull();
        assertThat(command.ldap).isNull();
        assertThat(command.siem).isNull();
    }

    @Test
    void uncommentingSimpleOptionsKeepsItParsable() throws IOException {
        String template = template(Path.of("/var/lib/opensspr"));
        String edited = template.replace("# --host ADDRESS\n", "--host 0.0.0.0\n")
                .replace("# --port PORT\n", "--port 8443\n").replace("# --http\n", "--http\n")
                .replace("# --database-password-env OPENSSPR_DB_PASSWORD\n", "--database-password-env OPENSSPR_DB_PASSWORD\n");
        assertThat(edited).contains("\n--host 0.0.0.0\n", "\n--port 8443\n");

        RunCommand command = parseAtFile(write("server.conf", edited));

        assertThat(command.host).isEqualTo("0.0.0.0");
        assertThat(command.port).isEqualTo(8443);
        assertThat(command.plainHttp).isTrue();
        assertThat(command.options.dataDirectory).isEqualTo(Path.of("/var/lib/opensspr"));
    }

    @Test
    void theSecretsTemplateNamesEveryVariableAndSetsNone() {
        String secrets = run("config-template", "--secrets").out;

        assertThat(secrets).contains("#OPENSSPR_DB_PASSWORD=\n", "#OPENSSPR_SMTP_PASSWORD=\n",
                "#OPENSSPR_LDAP_PASSWORD=\n", "#OPENSSPR_TLS_PASSWORD=\n", "#OPENSSPR_SECRET_KEY=\n",
                "#OPENSSPR_DB_USER=\n", "#OPENSSPR_TWILIO_TOKEN=\n", "--metrics-token-env VAR", "--smtp-password-env",
                "0600");
        assertThat(secrets.lines()).isNotEmpty().allMatch(line -> line.isBlank() || line.startsWith("#"));
    }

    @Test
    void outWritesTheFileAndNeverOverwritesOne() throws IOException {
        Path conf = folder.resolve("etc/server.conf");
        Result written = run("config-template", "--data", "/srv/opensspr", "--out", conf.toString());
        assertThat(written.exit).isZero();
        assertThat(Files.readString(conf)).contains("\n--data /srv/opensspr\n").isEqualTo(template(Path.of("/srv/opensspr")));

        Path env = write("server.env", "OPENSSPR_DB_PASSWORD=hunter2\n");
        Result refused = run("config-template", "--secrets", "--out", env.toString());

        assertThat(refused.exit).isEqualTo(2);
        assertThat(refused.err).contains(env.toString(), "already exists");
        assertThat(Files.readString(env)).isEqualTo("OPENSSPR_DB_PASSWORD=hunter2\n");
        assertThat(run("config-template", "--out", conf.toString()).exit).isEqualTo(2);
        try (var files = Files.list(conf.getParent())) {
            assertThat(files).containsExactly(conf); // no temporary file left behind
        }
    }

    private static String template(Path data) {
        return ConfigTemplate.render(ConfigTemplateCommand.runSpec(), data);
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(folder.resolve(name), text);
    }

    private static RunCommand parseAtFile(Path file) {
        RunCommand command = new RunCommand();
        new CommandLine(command).parseArgs("@" + file);
        return command;
    }

    private record Result(int exit, String out, String err) {
    }

    /** Runs the command as ServerMain does, with System.out and System.err captured. */
    private static Result run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
            int exit = new CommandLine(new RunCommand()).execute(args);
            return new Result(exit, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
