package org.opensspr.console.insights;

import org.opensspr.api.DurationBucketDto;
import org.opensspr.ui.i18n.Messages;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.List;

/** Numbers, money, durations and days as the insights view writes them, in the console's language. */
public final class InsightsFormat {
    private final Messages messages;
    private final NumberFormat counts;
    private final NumberFormat percents;
    private final DateTimeFormatter dayLabel;
    private final DateTimeFormatter monthLabel;

    public InsightsFormat(Messages messages) {
        this.messages = messages;
        counts = NumberFormat.getIntegerInstance(messages.locale());
        percents = NumberFormat.getPercentInstance(messages.locale());
        percents.setMaximumFractionDigits(1); // 99.6 % is not 100 %: a failure hides in the rounding otherwise
        dayLabel = DateTimeFormatter.ofPattern(messages.get("insights.pattern.day"), messages.locale());
        monthLabel = DateTimeFormatter.ofPattern(messages.get("insights.pattern.month"), messages.locale());
    }

    public String count(long n) {
        return counts.format(n);
    }

    /** {@code share} (0 to 1) as a percentage. */
    public String percent(double share) {
        return percents.format(share);
    }

    /** {@code amount} of {@code currency} with its symbol and its usual decimals. */
    public String money(BigDecimal amount, Currency currency) {
        NumberFormat money = NumberFormat.getCurrencyInstance(messages.locale());
        money.setCurrency(currency);
        money.setMinimumFractionDigits(Math.max(currency.getDefaultFractionDigits(), 0));
        money.setMaximumFractionDigits(Math.max(currency.getDefaultFractionDigits(), 0));
        return money.format(amount);
    }

    /** A duration to the second, in its two largest units: "45 s", "2 min 5 s", "1 h 3 min". */
    public String duration(long seconds) {
        if (seconds < 60) {
            return messages.get("insights.duration.s", seconds);
        }
        if (seconds < 3600) {
            long s = seconds % 60;
            return s == 0 ? messages.get("insights.duration.min", seconds / 60)
                    : messages.get("insights.duration.minS", seconds / 60, s);
        }
        long min = seconds % 3600 / 60;
        return min == 0 ? messages.get("insights.duration.h", seconds / 3600)
                : messages.get("insights.duration.hMin", seconds / 3600, min);
    }

    /** The bar labels of a time-to-reset distribution: "≤ 30 s" for each bucket, "> 10 min" for the last, open one. */
    public List<String> bucketLabels(List<DurationBucketDto> buckets) {
        java.util.ArrayList<String> labels = new java.util.ArrayList<>();
        Long previous = null;
        for (DurationBucketDto bucket : buckets) {
            if (bucket.upToSeconds() != null) {
                labels.add(messages.get("insights.bucket.upTo", duration(bucket.upToSeconds())));
                previous = bucket.upToSeconds();
            } else {
                labels.add(previous == null ? messages.get("insights.bucket.any")
                        : messages.get("insights.bucket.over", duration(previous)));
            }
        }
        return labels;
    }

    /**
     * A median or percentile the server sent as its bucket's upper edge: "≤ 2 min"; absent ({@code null}) when it
     * fell in the last, open bucket: "> 30 min".
     */
    public String edge(Long upToSeconds, List<DurationBucketDto> buckets) {
        if (upToSeconds != null) {
            return messages.get("insights.bucket.upTo", duration(upToSeconds));
        }
        List<String> labels = bucketLabels(buckets);
        return labels.isEmpty() ? messages.get("insights.card.none") : labels.getLast();
    }

    /** A bar's label in the activity chart: its day, its week's first day, or its month. */
    public String period(LocalDate first, ActivityPeriods.Grain grain) {
        return grain == ActivityPeriods.Grain.MONTH ? monthLabel.format(first) : dayLabel.format(first);
    }
}
