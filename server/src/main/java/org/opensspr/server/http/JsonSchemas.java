package org.opensspr.server.http;

import com.fasterxml.jackson.annotation.JsonSubTypes;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON schemas for the OpenAPI document, derived from the API's record types by reflection, so the
 * document describes exactly what the server parses. Records become named components.
 */
final class JsonSchemas {
    private final Map<String, Object> components = new LinkedHashMap<>();

    Map<String, Object> components() {
        return components;
    }

    Map<String, Object> schemaOf(Type type) {
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            Type[] args = parameterized.getActualTypeArguments();
            if (Collection.class.isAssignableFrom(raw)) {
                return Map.of("type", "array", "items", schemaOf(args[0]));
            }
            if (Map.class.isAssignableFrom(raw)) {
                return Map.of("type", "object", "additionalProperties", schemaOf(args[1]));
            }
            if (raw.isRecord()) {
                return genericRecord(raw, args);
            }
            return schemaOf(raw);
        }
        Class<?> type1 = (Class<?>) type;
        if (type1.isArray()) {
            return Map.of("type", "array", "items", schemaOf(type1.getComponentType()));
        }
        if (type1 == String.class) {
            return Map.of("type", "string");
        }
        if (type1 == int.class || type1 == Integer.class || type1 == long.class || type1 == Long.class) {
            return Map.of("type", "integer");
        }
        if (type1 == boolean.class || type1 == Boolean.class) {
            return Map.of("type", "boolean");
        }
        if (type1 == Instant.class) {
            return Map.of("type", "string", "format", "date-time");
        }
        if (type1.isEnum()) {
            return Map.of("type", "string", "enum", Arrays.stream(type1.getEnumConstants()).map(Object::toString).toList());
        }
        if (type1.isRecord() || type1.isInterface()) {
            String name = type1.getSimpleName();
            if (!components.containsKey(name)) {
                components.put(name, Map.of()); // placeholder stops recursion
                components.put(name, type1.isRecord() ? recordSchema(type1) : polymorphic(type1));
            }
            return Map.of("$ref", "#/components/schemas/" + name);
        }
        return Map.of("type", "object");
    }

    private Map<String, Object> recordSchema(Class<?> record) {
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (RecordComponent component : record.getRecordComponents()) {
            properties.put(component.getName(), schemaOf(component.getGenericType()));
            if (!component.isAnnotationPresent(org.opensspr.api.OptionalField.class)) {
                required.add(component.getName());
            }
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        if (!required.isEmpty()) {
            schema.put("required", required);
        }
        return schema;
    }

    private Map<String, Object> genericRecord(Class<?> raw, Type[] args) {
        // Page<T> and friends: inline, with the type argument substituted.
        Map<String, Object> properties = new LinkedHashMap<>();
        var variables = raw.getTypeParameters();
        for (RecordComponent component : raw.getRecordComponents()) {
            Type componentType = component.getGenericType();
            for (int i = 0; i < variables.length; i++) {
                componentType = substitute(componentType, variables[i].getName(), args[i]);
            }
            properties.put(component.getName(), schemaOf(componentType));
        }
        return Map.of("type", "object", "properties", properties);
    }

    private static Type substitute(Type type, String variable, Type actual) {
        if (type instanceof java.lang.reflect.TypeVariable<?> v && v.getName().equals(variable)) {
            return actual;
        }
        if (type instanceof ParameterizedType p) {
            Type[] args = Arrays.stream(p.getActualTypeArguments()).map(a -> substitute(a, variable, actual))
                    .toArray(Type[]::new);
            return new ParameterizedType() {
                public Type[] getActualTypeArguments() {
                    return args;
                }

                public Type getRawType() {
                    return p.getRawType();
                }

                public Type getOwnerType() {
                    return p.getOwnerType();
                }
            };
        }
        return type;
    }

    private Map<String, Object> polymorphic(Class<?> type) {
        JsonSubTypes subTypes = type.getAnnotation(JsonSubTypes.class);
        if (subTypes == null) {
            return Map.of("type", "object");
        }
        List<Object> options = Arrays.stream(subTypes.value()).map(s -> (Object) schemaOf(s.value())).toList();
        return Map.of("oneOf", options);
    }

    static String typeName(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "text";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (type == Instant.class) {
            return "an ISO-8601 instant";
        }
        return "an object";
    }
}
