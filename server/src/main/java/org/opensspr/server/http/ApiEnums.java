package org.opensspr.server.http;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.opensspr.api.ErrorCode;
import org.opensspr.api.Json;

import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.List;

/**
 * An enum's values on the wire, as the API's Jackson mapper writes and reads them (its {@code @JsonValue} if any),
 * and the one way the API reads them anywhere — a body, a query or a path: exactly, in that case, or
 * INVALID_VALUE listing the values.
 */
public final class ApiEnums {
    private static final ObjectMapper JSON = Json.newMapper();

    private ApiEnums() {
    }

    /** Every value's wire name, in declaration order, less a client's fallback for unknown values. */
    public static List<String> wireNames(Class<?> type) {
        return Arrays.stream(type.getFields())
                .filter(field -> field.isEnumConstant() && !field.isAnnotationPresent(JsonEnumDefaultValue.class))
                .map(ApiEnums::constant).map(value -> JSON.convertValue(value, String.class)).toList();
    }

    /** The value whose wire name is exactly {@code text}; INVALID_VALUE naming {@code field} and every value if none. */
    public static <E extends Enum<E>> E parse(Class<E> type, String field, String text) {
        for (E value : type.getEnumConstants()) {
            if (JSON.convertValue(value, String.class).equals(text)) {
                return value;
            }
        }
        throw ApiException.field(ErrorCode.INVALID_VALUE, field, "'" + field + "' must be " + allowed(type) + ".");
    }

    /** "one of A, B, C", for an error message. */
    static String allowed(Class<?> type) {
        return "one of " + String.join(", ", wireNames(type));
    }

    private static Object constant(Field field) {
        try {
            return field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
