package org.opensspr.console.insights;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * What one password call to the helpdesk costs, as the administrator estimates it: the console has no way to know,
 * so the figure is theirs, never a fact the view asserts.
 */
public record HelpdeskCost(BigDecimal perCall, Currency currency) {

    public HelpdeskCost {
        Objects.requireNonNull(perCall, "perCall");
        Objects.requireNonNull(currency, "currency");
        if (perCall.signum() < 0) {
            throw new IllegalArgumentException("a cost can't be negative: " + perCall);
        }
    }

    /** The cost of {@code calls} helpdesk calls: what self-service saved when it handled them instead. */
    public BigDecimal savings(long calls) {
        if (calls < 0) {
            throw new IllegalArgumentException("calls can't be negative: " + calls);
        }
        return perCall.multiply(BigDecimal.valueOf(calls));
    }
}
