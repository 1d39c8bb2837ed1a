package org.opensspr.bench.keycloak;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough HTML reading for Keycloak's login pages: tags' attributes, links and entities. Its pages are
 * generated from templates, so a tag's attributes are always quoted; no DOM is needed.
 */
final class Html {
    private static final Pattern ATTRIBUTE = Pattern.compile("([A-Za-z_:][-A-Za-z0-9_:.]*)(?:\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'>]+)))?");
    private static final Pattern ANCHOR = Pattern.compile("<a\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMERIC_ENTITY = Pattern.compile("&#(x[0-9A-Fa-f]+|[0-9]+);");

    private Html() {
    }

    /** The attributes of a tag's inside (what follows its name), names lower-cased, values unescaped. */
    static Map<String, String> attributes(String insideOfTag) {
        Map<String, String> attributes = new LinkedHashMap<>();
        Matcher m = ATTRIBUTE.matcher(insideOfTag);
        while (m.find()) {
            String value = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
            // A bare attribute (checked, disabled) is present with an empty value.
            attributes.put(m.group(1).toLowerCase(java.util.Locale.ROOT), value == null ? "" : unescape(value));
        }
        return attributes;
    }

    /** The first link whose href contains {@code fragment}, unescaped. */
    static Optional<String> linkContaining(String html, String fragment) {
        Matcher m = ANCHOR.matcher(html);
        while (m.find()) {
            String href = attributes(m.group(1)).get("href");
            if (href != null && href.contains(fragment)) {
                return Optional.of(href);
            }
        }
        return Optional.empty();
    }

    /** Replaces the character references a template escapes with: the named five and numeric ones. */
    static String unescape(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        Matcher m = NUMERIC_ENTITY.matcher(text);
        StringBuilder decoded = new StringBuilder();
        while (m.find()) {
            String number = m.group(1);
            int codePoint = number.startsWith("x") ? Integer.parseInt(number.substring(1), 16)
                    : Integer.parseInt(number);
            m.appendReplacement(decoded, Matcher.quoteReplacement(Character.toString(codePoint)));
        }
        m.appendTail(decoded);
        // &amp; last, so that "&amp;lt;" stays "&lt;".
        return decoded.toString().replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&apos;", "'").replace("&amp;", "&");
    }
}
