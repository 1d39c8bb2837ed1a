package org.opensspr.server.impact;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.opensspr.api.ImpactGroupDto;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The preview lists the first 200 of each group by UPN, case-insensitive then exact, keeping only the first ones
 * as it goes: always the same people, in the same order, as sorting the whole list would give.
 */
class FirstByUpnPropertiesTest {

    @Property(tries = 300)
    void keepsWhatSortingEverythingKeeps(@ForAll("upns") List<String> upns) {
        Comparator<String> wholeSort = Comparator.<String, String>comparing(u -> u.toLowerCase(Locale.ROOT))
                .thenComparing(Function.identity());
        List<String> expected = upns.stream().sorted(wholeSort).limit(ImpactGroupDto.MAX_LISTED).toList();

        assertThat(PolicyComparison.firstByUpn(upns, Function.identity())).isEqualTo(expected);
    }

    /**
     * Up to 600 UPNs from a small alphabet, so that many differ only by case and the 200th falls among
     * look-alikes; letters whose lower case is longer or special (İ, Σ, ß) among them.
     */
    @Provide
    Arbitrary<List<String>> upns() {
        return Arbitraries.strings().withChars("aAbBİiıΣσςßS.@").ofMinLength(1).ofMaxLength(6)
                .map(local -> local + "@contoso.example")
                .list().uniqueElements().ofMaxSize(600);
    }
}
