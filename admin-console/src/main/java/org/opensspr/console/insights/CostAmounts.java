package org.opensspr.console.insights;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.ParsePosition;
import java.util.Locale;

/**
 * The cost-per-call field's text, read and written in the administrator's language ({@code 12.50}, {@code 12,50}).
 * Without grouping: in Spanish a "." groups thousands, so "12.50" would quietly read as 1250; refused instead.
 */
public final class CostAmounts {
    /** A call costing more than this is a typing slip, not an estimate. */
    public static final BigDecimal MAX = new BigDecimal("1000000");
    private static final int MAX_DECIMALS = 2;

    private CostAmounts() {
    }

    /** What the field held: an amount, or why it isn't one. */
    public sealed interface Reading permits Amount, Problem {
    }

    public record Amount(BigDecimal value) implements Reading {
    }

    /** {@code key}: an {@code insights.cost.*} message, which takes an example amount as its argument. */
    public record Problem(String key) implements Reading {
    }

    public static Reading read(String text, Locale locale) {
        String typed = text == null ? "" : text.strip();
        if (typed.isEmpty()) {
            return new Problem("insights.cost.empty");
        }
        ParsePosition position = new ParsePosition(0);
        Number number = format(locale).parse(typed, position);
        if (number == null || position.getIndex() != typed.length()) {
            return new Problem("insights.cost.notAnAmount");
        }
        BigDecimal value = (BigDecimal) number;
        if (value.signum() < 0) {
            return new Problem("insights.cost.negative");
        }
        if (value.stripTrailingZeros().scale() > MAX_DECIMALS) {
            return new Problem("insights.cost.tooPrecise");
        }
        if (value.compareTo(MAX) > 0) {
            return new Problem("insights.cost.tooLarge");
        }
        return new Amount(value.signum() == 0 ? BigDecimal.ZERO : value);
    }

    /** {@code amount} as the field shows it, which {@link #read} reads back to the same value. */
    public static String write(BigDecimal amount, Locale locale) {
        return format(locale).format(amount);
    }

    private static DecimalFormat format(Locale locale) {
        DecimalFormat format = new DecimalFormat("0.00", DecimalFormatSymbols.getInstance(locale));
        format.setGroupingUsed(false);
        format.setParseBigDecimal(true);
        format.setMaximumFractionDigits(MAX_DECIMALS);
        return format;
    }
}
