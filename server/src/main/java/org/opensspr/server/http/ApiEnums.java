package org.opensspr.server.http;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.opensspr.api.Json;

import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.List;

/** The names an enum has on the wire, as the API's Jackson mapper writes them (its {@code @JsonValue} if any). */
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

    private static Object constant(Field field) {
        try {
            return field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
