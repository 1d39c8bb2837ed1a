package org.opensspr.password;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Active Directory's "Password must meet complexity requirements", as Microsoft documents it: at least
 * three of the five {@link AdCharacterCategory categories}, and neither the account name (when it has
 * 3+ characters) nor any 3+ character token of the display name, ignoring case. The kiosk can check the
 * categories only: it doesn't know the account's names, so that part is shown and the directory decides.
 */
public final class ActiveDirectoryComplexity {
    /** AD's listed special characters; currency symbols such as € and £ don't count. */
    static final String SPECIAL = "~!@#$%^&*_-+=`|\\(){}[]:;\"'<>,.?/";
    /** AD splits the display name at these: comma, period, dash, underscore, space, pound sign, tab. */
    private static final Pattern NAME_DELIMITERS = Pattern.compile("[,.\\-_ #\\t\\u2010-\\u2015]+");
    public static final int REQUIRED_CATEGORIES = 3;
    private static final int SHORTEST_NAME_TOKEN = 3;

    private ActiveDirectoryComplexity() {
    }

    /** The categories the password's characters fall into; characters of none count for nothing. */
    public static Set<AdCharacterCategory> categories(String password) {
        Set<AdCharacterCategory> present = EnumSet.noneOf(AdCharacterCategory.class);
        password.codePoints().forEach(cp -> categoryOf(cp).ifPresent(present::add));
        return present;
    }

    public static boolean meetsCategories(String password) {
        return categories(password).size() >= REQUIRED_CATEGORIES;
    }

    /** Whether the password contains the account name or a display-name token, as AD checks it. */
    public static boolean containsAccountNames(String password, String accountName, String displayName) {
        String lower = password.toLowerCase(Locale.ROOT);
        List<String> names = new ArrayList<>(displayNameTokens(displayName));
        if (accountName != null && accountName.codePointCount(0, accountName.length()) >= SHORTEST_NAME_TOKEN) {
            names.add(accountName);
        }
        return names.stream().anyMatch(name -> lower.contains(name.toLowerCase(Locale.ROOT)));
    }

    /** The display name's tokens of 3 or more characters. */
    static List<String> displayNameTokens(String displayName) {
        if (displayName == null || displayName.isBlank()) {
            return List.of();
        }
        return NAME_DELIMITERS.splitAsStream(displayName)
                .filter(token -> token.codePointCount(0, token.length()) >= SHORTEST_NAME_TOKEN).toList();
    }

    static java.util.Optional<AdCharacterCategory> categoryOf(int cp) {
        if (cp >= '0' && cp <= '9') {
            return java.util.Optional.of(AdCharacterCategory.DIGIT);
        }
        if (Character.isUpperCase(cp)) {
            return java.util.Optional.of(AdCharacterCategory.UPPER_CASE);
        }
        if (Character.isLowerCase(cp)) {
            return java.util.Optional.of(AdCharacterCategory.LOWER_CASE);
        }
        if (Character.isLetter(cp)) {
            return java.util.Optional.of(AdCharacterCategory.OTHER_LETTER);
        }
        if (cp < 0x80 && SPECIAL.indexOf(cp) >= 0) {
            return java.util.Optional.of(AdCharacterCategory.SPECIAL);
        }
        return java.util.Optional.empty();
    }
}
