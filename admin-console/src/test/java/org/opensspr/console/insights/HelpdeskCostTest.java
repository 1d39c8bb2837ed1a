package org.opensspr.console.insights;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensspr.ui.settings.UiSettings;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Currency;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HelpdeskCostTest {
    private static final Currency EUR = Currency.getInstance("EUR");

    @Test
    void savingsAreTheCallsAvoidedTimesTheCostOfACall() {
        HelpdeskCost cost = new HelpdeskCost(new BigDecimal("17.25"), EUR);
        assertThat(cost.savings(4)).isEqualByComparingTo("69.00");
        assertThat(cost.savings(0)).isEqualByComparingTo("0");
        assertThat(new HelpdeskCost(BigDecimal.ZERO, EUR).savings(1_000)).isEqualByComparingTo("0");
        assertThatThrownBy(() -> new HelpdeskCost(new BigDecimal("-1"), EUR)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cost.savings(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theEstimateIsRememberedForTheNextRunAndNothingIsAssumedBeforeIt(@TempDir Path folder) {
        Path file = folder.resolve("console.properties");
        assertThat(new HelpdeskCostSetting(new UiSettings(file)).load()).isEmpty();
        new HelpdeskCostSetting(new UiSettings(file)).save(new HelpdeskCost(new BigDecimal("22.40"), EUR));
        assertThat(new HelpdeskCostSetting(new UiSettings(file)).load())
                .contains(new HelpdeskCost(new BigDecimal("22.40"), EUR));
    }

    @Test
    void aHandEditedValueThatDoesNotReadIsForgottenRatherThanGuessed(@TempDir Path folder) throws Exception {
        for (String lines : new String[] {"insights.helpdeskCost.perCall=abc\ninsights.helpdeskCost.currency=EUR",
                "insights.helpdeskCost.perCall=-4\ninsights.helpdeskCost.currency=EUR",
                "insights.helpdeskCost.perCall=4\ninsights.helpdeskCost.currency=EURO",
                "insights.helpdeskCost.perCall=4"}) {
            Path file = folder.resolve("console.properties");
            Files.writeString(file, lines);
            assertThat(new HelpdeskCostSetting(new UiSettings(file)).load()).as(lines).isEmpty();
        }
    }

    @Test
    void theCurrenciesOfferedIncludeTheSystemsOwnInCodeOrder() {
        Currency system = HelpdeskCostSetting.systemCurrency(Locale.forLanguageTag("is-IS"));
        assertThat(system.getCurrencyCode()).isEqualTo("ISK");
        assertThat(HelpdeskCostSetting.currencies(system)).contains(system, EUR, Currency.getInstance("USD"))
                .isSortedAccordingTo(java.util.Comparator.comparing(Currency::getCurrencyCode));
        assertThat(HelpdeskCostSetting.systemCurrency(Locale.ENGLISH).getCurrencyCode()).isEqualTo("USD");
        assertThat(HelpdeskCostSetting.systemCurrency(Locale.forLanguageTag("es-MX")).getCurrencyCode()).isEqualTo("MXN");
    }
}
