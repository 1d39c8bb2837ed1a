package org.opensspr.console.insights;

import org.opensspr.ui.settings.UiSettings;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The administrator's cost per helpdesk call, remembered in the console's settings file beside the theme and the
 * window size: an estimate of theirs for this machine, not policy the server should hold.
 */
public final class HelpdeskCostSetting {
    static final String AMOUNT = "insights.helpdeskCost.perCall";
    static final String CURRENCY = "insights.helpdeskCost.currency";
    /** The currencies offered: the most used ones, and the system's own (added by {@link #currencies}). */
    private static final List<String> COMMON = List.of("ARS", "AUD", "BRL", "CAD", "CHF", "CLP", "CNY", "COP", "CZK",
            "DKK", "EUR", "GBP", "HKD", "INR", "JPY", "MXN", "NOK", "NZD", "PEN", "PLN", "SEK", "SGD", "USD", "ZAR");

    private final UiSettings settings;

    public HelpdeskCostSetting(UiSettings settings) {
        this.settings = settings;
    }

    /** The cost remembered; empty until the administrator entered one (or when the file holds something unreadable). */
    public Optional<HelpdeskCost> load() {
        try {
            Optional<BigDecimal> amount = settings.get(AMOUNT).map(BigDecimal::new);
            Optional<Currency> currency = settings.get(CURRENCY).map(Currency::getInstance);
            if (amount.isEmpty() || currency.isEmpty() || amount.get().signum() < 0) {
                return Optional.empty();
            }
            return Optional.of(new HelpdeskCost(amount.get(), currency.get()));
        } catch (IllegalArgumentException unreadable) { // hand-edited file: ask again rather than guess
            return Optional.empty();
        }
    }

    public void save(HelpdeskCost cost) {
        settings.put(AMOUNT, cost.perCall().toPlainString());
        settings.put(CURRENCY, cost.currency().getCurrencyCode());
        settings.save();
    }

    /** The currencies to choose from, by code, {@code system}'s among them. */
    public static List<Currency> currencies(Currency system) {
        java.util.TreeSet<String> codes = new java.util.TreeSet<>(COMMON);
        codes.add(system.getCurrencyCode());
        return codes.stream().map(Currency::getInstance).toList();
    }

    /** The currency of {@code locale}'s country; US dollars when the locale names no country (plain "en"). */
    public static Currency systemCurrency(Locale locale) {
        Currency own = null;
        try {
            own = locale.getCountry().isEmpty() ? null : Currency.getInstance(locale);
        } catch (IllegalArgumentException notACountry) {
            // a region code Java doesn't know: no currency of its own
        }
        return own == null ? Currency.getInstance("USD") : own; // null too for a country without one (Antarctica)
    }
}
