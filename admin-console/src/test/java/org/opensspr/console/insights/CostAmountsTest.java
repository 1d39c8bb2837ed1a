package org.opensspr.console.insights;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The cost-per-call field: what an administrator types in English or Spanish, and what the field writes back. */
class CostAmountsTest {
    private static final Locale SPANISH = Locale.forLanguageTag("es");

    @Property
    void everyAllowedAmountReadsBackAsWritten(@ForAll @BigRange(min = "0", max = "1000000") @Scale(2) BigDecimal amount,
                                              @ForAll("languages") Locale locale) {
        assertThat(CostAmounts.read(CostAmounts.write(amount, locale), locale))
                .isInstanceOfSatisfying(CostAmounts.Amount.class, a -> assertThat(a.value()).isEqualByComparingTo(amount));
    }

    @Property
    void aNegativeAmountIsRefusedAsNegative(@ForAll @BigRange(min = "-1000000", max = "-0.01") @Scale(2) BigDecimal amount,
                                            @ForAll("languages") Locale locale) {
        assertThat(CostAmounts.read(CostAmounts.write(amount, locale), locale))
                .isEqualTo(new CostAmounts.Problem("insights.cost.negative"));
    }

    @Property
    void anyTextIsEitherAnAllowedAmountOrAReasonNeverAnError(@ForAll String typed, @ForAll("languages") Locale locale) {
        CostAmounts.Reading reading = CostAmounts.read(typed, locale);
        if (reading instanceof CostAmounts.Amount(BigDecimal value)) {
            assertThat(value).isBetween(BigDecimal.ZERO, CostAmounts.MAX);
            assertThat(value.stripTrailingZeros().scale()).isLessThanOrEqualTo(2);
        } else {
            assertThat(((CostAmounts.Problem) reading).key()).startsWith("insights.cost.");
        }
    }

    @Provide
    Arbitrary<Locale> languages() {
        return Arbitraries.of(Locale.ENGLISH, SPANISH, Locale.forLanguageTag("de-CH"), Locale.forLanguageTag("fr-FR"));
    }

    @Test
    void eachLanguageReadsItsOwnDecimalSeparator() {
        assertThat(CostAmounts.read(" 12.50 ", Locale.ENGLISH)).isEqualTo(new CostAmounts.Amount(new BigDecimal("12.50")));
        assertThat(CostAmounts.read("12,5", SPANISH)).isEqualTo(new CostAmounts.Amount(new BigDecimal("12.5")));
        assertThat(CostAmounts.write(new BigDecimal("12.5"), SPANISH)).isEqualTo("12,50");
        assertThat(CostAmounts.read("0", Locale.ENGLISH)).isEqualTo(new CostAmounts.Amount(BigDecimal.ZERO));
    }

    @Test
    void aSeparatorThatWouldChangeTheAmountIsRefusedNotGuessed() {
        // In Spanish "." groups thousands: read leniently, "12.50" would be 1250.
        assertThat(CostAmounts.read("12.50", SPANISH)).isEqualTo(new CostAmounts.Problem("insights.cost.notAnAmount"));
        assertThat(CostAmounts.read("1,250", Locale.ENGLISH)).isEqualTo(new CostAmounts.Problem("insights.cost.notAnAmount"));
    }

    @Test
    void whatIsNotAnAllowedAmountIsNamed() {
        assertThat(CostAmounts.read("  ", Locale.ENGLISH)).isEqualTo(new CostAmounts.Problem("insights.cost.empty"));
        assertThat(CostAmounts.read(null, Locale.ENGLISH)).isEqualTo(new CostAmounts.Problem("insights.cost.empty"));
        assertThat(CostAmounts.read("twelve", Locale.ENGLISH)).isEqualTo(new CostAmounts.Problem("insights.cost.notAnAmount"));
        assertThat(CostAmounts.read("$12", Locale.ENGLISH)).isEqualTo(new CostAmounts.Problem("insights.cost.notAnAmount"));
        assertThat(CostAmounts.read("12.505", Locale.ENGLISH)).isEqualTo(new CostAmounts.Problem("insights.cost.tooPrecise"));
        assertThat(CostAmounts.read("12.500", Locale.ENGLISH)).isEqualTo(new CostAmounts.Amount(new BigDecimal("12.500")));
        assertThat(CostAmounts.read("1000000.01", Locale.ENGLISH)).isEqualTo(new CostAmounts.Problem("insights.cost.tooLarge"));
        assertThat(CostAmounts.read("-3", Locale.ENGLISH)).isEqualTo(new CostAmounts.Problem("insights.cost.negative"));
    }
}
