package org.opensspr.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.opensspr.api.ErrorCode;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Collection;

/**
 * Finds the first required record component a JSON request leaves out or sends as null, walking
 * nested records and lists of records, and names it by its path ({@code policy.methods.enabled}).
 */
final class RequiredFields {
    private RequiredFields() {
    }

    static void check(JsonNode node, Type type, String path) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return;
        }
        if (type instanceof ParameterizedType parameterized
                && Collection.class.isAssignableFrom((Class<?>) parameterized.getRawType()) && node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                check(node.get(i), parameterized.getActualTypeArguments()[0], path + "[" + i + "]");
            }
            return;
        }
        if (!(type instanceof Class<?> record) || !record.isRecord() || !node.isObject()) {
            return;
        }
        for (RecordComponent component : record.getRecordComponents()) {
            String field = path.isEmpty() ? component.getName() : path + "." + component.getName();
            JsonNode value = node.get(component.getName());
            if (value == null || value.isNull()) {
                if (!JsonSchemas.mayBeAbsent(component)) {
                    throw ApiException.field(ErrorCode.MISSING_FIELD, field, "'" + field + "' is required.");
                }
                continue;
            }
            check(value, component.getGenericType(), field);
        }
    }
}
