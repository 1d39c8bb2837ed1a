package org.opensspr.kiosk.hardening;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The admin exit PIN: only a hash is kept; from the environment, the settings file, or one printed for this run. */
class AdminPinTest {

    @Test
    void onlyTheRightPinMatches() {
        AdminPin pin = AdminPin.of("482913".toCharArray());
        assertThat(pin.matches("482913".toCharArray())).isTrue();
        assertThat(pin.matches("482914".toCharArray())).isFalse();
        assertThat(pin.matches(new char[0])).isFalse();
        assertThat(pin.toString()).doesNotContain("482913");
        assertThatThrownBy(() -> AdminPin.of("12345".toCharArray())).hasMessageContaining("at least 6 digits");
        assertThatThrownBy(() -> AdminPin.of("12345a".toCharArray())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSavedPinIsAHashInAnOwnerOnlyFile(@TempDir Path settings) throws IOException {
        Path file = settings.resolve("opensspr").resolve(AdminPin.FILE);
        AdminPin.of("55501234".toCharArray()).save(file);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file)).doesNotContain("55501234");
        assertThat(AdminPin.load(file)).hasValueSatisfying(pin -> assertThat(pin.matches("55501234".toCharArray())).isTrue());
    }

    @Test
    void theEnvironmentComesFirstThenTheFileThenAPinForThisRun(@TempDir Path settings) throws IOException {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);
        AdminPin.of("777888".toCharArray()).save(settings.resolve(AdminPin.FILE));

        AdminPin fromEnvironment = AdminPinSource.resolve(Map.of(AdminPinSource.ENVIRONMENT, "135790"), settings, out);
        assertThat(fromEnvironment.matches("135790".toCharArray())).isTrue();

        AdminPin fromFile = AdminPinSource.resolve(Map.of(), settings, out);
        assertThat(fromFile.matches("777888".toCharArray())).isTrue();
        assertThat(console.toString(StandardCharsets.UTF_8)).isEmpty();

        AdminPin generated = AdminPinSource.resolve(Map.of(), settings.resolve("empty"), out);
        Matcher printed = Pattern.compile("enter this PIN: (\\d{8})").matcher(console.toString(StandardCharsets.UTF_8));
        assertThat(printed.find()).as("the run's PIN is printed on the kiosk's console").isTrue();
        assertThat(generated.matches(printed.group(1).toCharArray())).isTrue();
    }
}
