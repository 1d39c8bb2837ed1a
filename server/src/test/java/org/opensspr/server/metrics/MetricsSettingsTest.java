package org.opensspr.server.metrics;

import org.junit.jupiter.api.Test;
import org.opensspr.server.ServerConfig;
import org.opensspr.server.cli.RunCommand;
import picocli.CommandLine;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The metrics token comes from the environment variable the option names, checked before the server starts. */
class MetricsSettingsTest {
    private static final String TOKEN = "s3cret-metrics-token-for-tests";

    @Test
    void withoutTheOptionOnlyThisHostMayScrape() {
        MetricsSettings settings = MetricsSettings.fromEnvironment(null, Map.of("OPENSSPR_METRICS_TOKEN", TOKEN));

        assertThat(settings).isEqualTo(MetricsSettings.NONE);
        assertThat(settings.remoteScrapesAllowed()).isFalse();
        assertThat(settings.problems()).isEmpty();
    }

    @Test
    void theTokenIsReadFromTheNamedVariableStrippedAndNeverShown() {
        MetricsSettings settings = MetricsSettings.fromEnvironment("SCRAPE_TOKEN", Map.of("SCRAPE_TOKEN", " " + TOKEN + "\n"));

        assertThat(settings.token()).isEqualTo(TOKEN);
        assertThat(settings.remoteScrapesAllowed()).isTrue();
        assertThat(settings.problems()).isEmpty();
        assertThat(settings.toString()).contains("SCRAPE_TOKEN").doesNotContain(TOKEN);
        assertThat(config(settings).toString()).doesNotContain(TOKEN);
    }

    @Test
    void aMissingShortOrUnsendableTokenStopsTheStartWithItsReason() {
        assertThat(config(MetricsSettings.fromEnvironment("SCRAPE_TOKEN", Map.of())).problems())
                .containsExactly("--metrics-token-env names SCRAPE_TOKEN, which is not set or empty.");
        assertThat(MetricsSettings.fromEnvironment("SCRAPE_TOKEN", Map.of("SCRAPE_TOKEN", "  ")).problems())
                .containsExactly("--metrics-token-env names SCRAPE_TOKEN, which is not set or empty.");
        assertThat(MetricsSettings.fromEnvironment("SCRAPE_TOKEN", Map.of("SCRAPE_TOKEN", "fifteen-chars15")).problems())
                .containsExactly("The metrics token in SCRAPE_TOKEN must have at least 16 characters; it has 15.");
        assertThat(MetricsSettings.fromEnvironment("SCRAPE_TOKEN", Map.of("SCRAPE_TOKEN", "sixteen chars ok")).problems())
                .singleElement().asString().contains("only printable ASCII characters without spaces");
        assertThat(MetricsSettings.fromEnvironment("SCRAPE_TOKEN", Map.of("SCRAPE_TOKEN", "sixteen-chärs-ok")).problems())
                .hasSize(1);
    }

    @Test
    void theOptionTakesTheVariablesNameNotTheToken() {
        CommandLine run = new CommandLine(new RunCommand());
        run.parseArgs("--metrics-token-env", "SCRAPE_TOKEN");

        CommandLine.Model.OptionSpec option = run.getCommandSpec().findOption("--metrics-token-env");
        assertThat(option.paramLabel()).isEqualTo("VAR");
        assertThat((String) option.getValue()).isEqualTo("SCRAPE_TOKEN");
    }

    private static ServerConfig config(MetricsSettings metrics) {
        return new ServerConfig(Path.of("/tmp/unused"), "127.0.0.1", 0, null, null, null, true, null, null, false,
                false, null, null, null, null, null, metrics);
    }
}
