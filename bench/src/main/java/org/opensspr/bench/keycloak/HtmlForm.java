package org.opensspr.bench.keycloak;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A form as a browser would submit it without anyone touching it: where it posts and the fields it sends by
 * itself (hidden inputs, and checkboxes that are checked, with their value or "on"). Visible fields are the
 * caller's to add.
 */
record HtmlForm(String action, Map<String, String> presetFields) {
    private static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form\\s*>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern INPUT = Pattern.compile("<input\\b([^>]*?)/?>", Pattern.CASE_INSENSITIVE);

    HtmlForm {
        presetFields = Map.copyOf(presetFields);
    }

    /** The form whose id is {@code id}, or else the first form that has an input named {@code fieldName}. */
    static Optional<HtmlForm> find(String html, String id, String fieldName) {
        HtmlForm withField = null;
        Matcher m = FORM.matcher(html);
        while (m.find()) {
            Map<String, String> attributes = Html.attributes(m.group(1));
            String action = attributes.get("action");
            if (action == null) {
                continue;
            }
            Map<String, String> preset = new LinkedHashMap<>();
            boolean hasField = false;
            Matcher input = INPUT.matcher(m.group(2));
            while (input.find()) {
                Map<String, String> field = Html.attributes(input.group(1));
                String name = field.get("name");
                String type = field.getOrDefault("type", "text").toLowerCase(java.util.Locale.ROOT);
                if (name == null || field.containsKey("disabled")) {
                    continue;
                }
                hasField |= name.equals(fieldName);
                if (type.equals("hidden")) {
                    preset.put(name, field.getOrDefault("value", ""));
                } else if (type.equals("checkbox") && field.containsKey("checked")) {
                    preset.put(name, field.getOrDefault("value", "on"));
                }
            }
            HtmlForm form = new HtmlForm(action, preset);
            if (id.equals(attributes.get("id"))) {
                return Optional.of(form);
            }
            if (hasField && withField == null) {
                withField = form;
            }
        }
        return Optional.ofNullable(withField);
    }
}
