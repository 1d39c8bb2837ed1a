package org.opensspr.console.insights;

import org.junit.jupiter.api.Test;
import org.opensspr.api.DurationBucketDto;
import org.opensspr.console.ConsoleContext;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class InsightsFormatTest {
    private final InsightsFormat english = new InsightsFormat(ConsoleContext.messages(Locale.ENGLISH));
    private final InsightsFormat spanish = new InsightsFormat(ConsoleContext.messages(Locale.forLanguageTag("es")));

    @Test
    void aDurationIsWrittenInItsTwoLargestUnits() {
        assertThat(english.duration(0)).isEqualTo("0 s");
        assertThat(english.duration(45)).isEqualTo("45 s");
        assertThat(english.duration(60)).isEqualTo("1 min");
        assertThat(english.duration(125)).isEqualTo("2 min 5 s");
        assertThat(english.duration(3600)).isEqualTo("1 h");
        assertThat(english.duration(3780 + 59)).as("seconds dropped past an hour").isEqualTo("1 h 3 min");
    }

    @Test
    void bucketsAreLabelledByTheirUpperEdgeAndTheLastOpenOneByThePreviousEdge() {
        assertThat(english.bucketLabels(List.of(new DurationBucketDto(30L, 1), new DurationBucketDto(120L, 4),
                new DurationBucketDto(null, 2)))).containsExactly("≤ 30 s", "≤ 2 min", "> 2 min");
        assertThat(english.bucketLabels(List.of(new DurationBucketDto(null, 2)))).containsExactly("Any time");
        List<DurationBucketDto> buckets = List.of(new DurationBucketDto(60L, 1), new DurationBucketDto(1_800L, 1),
                new DurationBucketDto(null, 5));
        assertThat(english.edge(60L, buckets)).isEqualTo("≤ 1 min");
        assertThat(english.edge(null, buckets)).as("a median in the open bucket").isEqualTo("> 30 min");
    }

    @Test
    void moneyPercentagesAndDaysFollowTheLanguage() {
        Currency euro = Currency.getInstance("EUR");
        assertThat(english.money(new BigDecimal("1234.5"), euro)).isEqualTo("€1,234.50");
        assertThat(spanish.money(new BigDecimal("1234.5"), euro)).isEqualTo("1.234,50\u00a0€");
        assertThat(english.money(new BigDecimal("1500"), Currency.getInstance("JPY"))).isEqualTo("¥1,500");
        assertThat(english.percent(0.996)).as("a failure isn't rounded away").isEqualTo("99.6%");
        assertThat(spanish.percent(0.5)).isEqualTo("50\u00a0%");
        LocalDate day = LocalDate.of(2026, 12, 6);
        assertThat(english.period(day, ActivityPeriods.Grain.DAY)).isEqualTo("Dec 6");
        assertThat(spanish.period(day, ActivityPeriods.Grain.WEEK)).isEqualTo("6 dic");
        assertThat(english.period(day, ActivityPeriods.Grain.MONTH)).isEqualTo("Dec 2026");
    }

    @Test
    void countsAreSteppedRoundlyFromZero() {
        assertThat(CountAxis.step(0)).isEqualTo(1);
        assertThat(CountAxis.step(5)).isEqualTo(1);
        assertThat(CountAxis.step(6)).isEqualTo(2);
        assertThat(CountAxis.step(11)).isEqualTo(5);
        assertThat(CountAxis.step(1_000)).isEqualTo(200);
        assertThat(CountAxis.step(1_001)).isEqualTo(500);
    }
}
