package org.opensspr.server.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.opensspr.api.FieldChangeDto;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Field-level differences between two JSON trees, knowing nothing about policies: objects are compared
 * field by field, lists of plain values as multisets (added and removed values, not index shifts), other
 * lists item by item. No change is reported exactly when the trees are equal.
 */
final class JsonTreeDiff {
    private JsonTreeDiff() {
    }

    static List<FieldChangeDto> between(JsonNode before, JsonNode after) {
        List<FieldChangeDto> changes = new ArrayList<>();
        walk("", orMissing(before), orMissing(after), changes);
        return List.copyOf(changes);
    }

    private static void walk(String path, JsonNode before, JsonNode after, List<FieldChangeDto> changes) {
        if (before.equals(after)) {
            return;
        }
        if (before.isObject() && after.isObject()) {
            Set<String> names = new LinkedHashSet<>();
            before.fieldNames().forEachRemaining(names::add);
            after.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                walk(path.isEmpty() ? name : path + "." + name, before.path(name), after.path(name), changes);
            }
        } else if (before.isArray() && after.isArray()) {
            if (plainValues(before) && plainValues(after)) {
                compareValueLists(path, before, after, changes);
            } else {
                for (int i = 0; i < Math.max(before.size(), after.size()); i++) {
                    walk(path + "[" + i + "]", before.path(i), after.path(i), changes);
                }
            }
        } else {
            changes.add(new FieldChangeDto(path, text(before), text(after)));
        }
    }

    /** Values present on one side only, counted so duplicates are not lost; a pure reordering is one change. */
    private static void compareValueLists(String path, JsonNode before, JsonNode after, List<FieldChangeDto> changes) {
        List<JsonNode> removed = unmatched(before, after);
        List<JsonNode> added = unmatched(after, before);
        if (removed.isEmpty() && added.isEmpty()) {
            changes.add(new FieldChangeDto(path, before.toString(), after.toString()));
            return;
        }
        removed.forEach(value -> changes.add(new FieldChangeDto(path, value.toString(), null)));
        added.forEach(value -> changes.add(new FieldChangeDto(path, null, value.toString())));
    }

    /** The items of {@code list}, in order, that {@code other} doesn't have (as often). */
    private static List<JsonNode> unmatched(JsonNode list, JsonNode other) {
        Map<JsonNode, Integer> available = new HashMap<>();
        other.forEach(value -> available.merge(value, 1, Integer::sum));
        List<JsonNode> missing = new ArrayList<>();
        for (JsonNode value : list) {
            Integer left = available.get(value);
            if (left == null || left == 0) {
                missing.add(value);
            } else {
                available.put(value, left - 1);
            }
        }
        return missing;
    }

    private static boolean plainValues(JsonNode array) {
        for (JsonNode item : array) {
            if (item.isContainerNode()) {
                return false;
            }
        }
        return true;
    }

    private static JsonNode orMissing(JsonNode node) {
        return node == null ? MissingNode.getInstance() : node;
    }

    /** The value as JSON text; null when the field is absent on that side. */
    private static String text(JsonNode node) {
        return node.isMissingNode() ? null : node.toString();
    }
}
