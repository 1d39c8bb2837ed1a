package org.opensspr.password;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;

/** AD's complexity rule as Microsoft documents it ("Password must meet complexity requirements"). */
class ActiveDirectoryComplexityTest {

    @Test
    void threeOfTheFiveCategoriesAreEnough() {
        assertThat(ActiveDirectoryComplexity.meetsCategories("lantern7#")).isTrue();
        assertThat(ActiveDirectoryComplexity.meetsCategories("Lantern7")).isTrue();
        assertThat(ActiveDirectoryComplexity.meetsCategories("lanternorbit7")).isFalse();
    }

    @Test
    void lettersOfOtherScriptsCountByTheirCase() {
        assertThat(ActiveDirectoryComplexity.categories("ÉΣжз7")).isEqualTo(
                EnumSet.of(AdCharacterCategory.UPPER_CASE, AdCharacterCategory.LOWER_CASE, AdCharacterCategory.DIGIT));
        assertThat(ActiveDirectoryComplexity.categories("密码7a")).isEqualTo(EnumSet.of(
                AdCharacterCategory.OTHER_LETTER, AdCharacterCategory.DIGIT, AdCharacterCategory.LOWER_CASE));
    }

    @Test
    void currencySymbolsAndSpacesAreNotSpecialCharacters() {
        assertThat(ActiveDirectoryComplexity.categories("€£ ")).isEmpty();
        assertThat(ActiveDirectoryComplexity.categories("~!@#$%^&*_-+=`|\\(){}[]:;\"'<>,.?/"))
                .containsExactly(AdCharacterCategory.SPECIAL);
    }

    @Test
    void theAccountNameAndDisplayNameTokensOfThreeOrMoreCharactersMayNotAppear() {
        assertThat(ActiveDirectoryComplexity.containsAccountNames("x-KMueller-9!", "kmueller", "")).isTrue();
        assertThat(ActiveDirectoryComplexity.containsAccountNames("Henrietta#2026", "hm", "Mueller, Henrietta"))
                .isTrue();
        // "Li" and "Al" are shorter than 3 characters: not checked; a 2-letter account name neither
        assertThat(ActiveDirectoryComplexity.containsAccountNames("Li-Al#2026x", "al", "Li Al")).isFalse();
        assertThat(ActiveDirectoryComplexity.displayNameTokens("Mueller, Henrietta J._Ops#Team"))
                .containsExactly("Mueller", "Henrietta", "Ops", "Team");
    }

    @Test
    void aPolicyWithoutComplexityTicksTheCategoriesAlwaysAndLengthCountsCodePoints() {
        DirectoryPasswordPolicy simple = new DirectoryPasswordPolicy(DirectoryPasswordPolicy.Source.PPOLICY,
                3, 4, false, 0, 0, 0);
        assertThat(simple.categoriesMet("aaaa")).isTrue();
        assertThat(simple.lengthMet("😀😀😀")).isTrue();
        assertThat(simple.lengthMet("aaaaa")).isFalse();
        assertThat(simple.lengthMet("aa")).isFalse();
    }

    @Test
    void directoryRefusalsTravelAsPrefixedCodes() {
        assertThat(DirectoryRefusal.HISTORY.wire()).isEqualTo("DIRECTORY_HISTORY");
        assertThat(DirectoryRefusal.fromWire("DIRECTORY_TOO_SHORT")).contains(DirectoryRefusal.TOO_SHORT);
        assertThat(DirectoryRefusal.fromWire("TOO_SHORT")).isEmpty();
        assertThat(DirectoryRefusal.fromWire("DIRECTORY_SOMETHING_NEW")).isEmpty();
    }
}
