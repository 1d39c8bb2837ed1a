package org.opensspr.api;

/**
 * One difference between two policy versions.
 *
 * <p>For lists of plain values (enabled methods, banned terms, group ids, network ranges) an added
 * value has no {@code oldValue} and a removed one no {@code newValue}, both at the list's own path;
 * a list that only changed order is one change holding both whole lists. Other lists are compared
 * item by item ({@code methods.securityQuestions.custom[1].text}).
 *
 * @param path     the field's dotted path in the policy, with {@code [i]} for list items
 * @param oldValue the value before, as JSON text; null when the value was added
 * @param newValue the value after, as JSON text; null when the value was removed
 */
public record FieldChangeDto(String path, @OptionalField String oldValue, @OptionalField String newValue) {
}
