package org.opensspr.ui.i18n;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Finds the apostrophe trap of {@link Messages}: a text with arguments goes through MessageFormat, where
 * a single quote starts a quoted section (write {@code ''}); a text without arguments is shown as written.
 */
public final class BundleLint {
    private static final Pattern ARGUMENT = Pattern.compile("\\{\\d");

    private BundleLint() {
    }

    public static List<String> apostropheProblems(Properties bundle) {
        List<String> problems = new ArrayList<>();
        for (String key : bundle.stringPropertyNames()) {
            String value = bundle.getProperty(key);
            boolean formatted = ARGUMENT.matcher(value).find();
            String withoutDoubled = value.replace("''", "");
            if (formatted && withoutDoubled.contains("'")) {
                problems.add(key + ": a single ' in a text with arguments disappears; write ''");
            } else if (!formatted && value.contains("''")) {
                problems.add(key + ": '' in a text without arguments shows two quotes; write '");
            }
        }
        return problems;
    }
}
