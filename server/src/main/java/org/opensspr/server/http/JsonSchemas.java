package org.opensspr.server.http;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.opensspr.api.OptionalField;
import org.opensspr.api.ValuesOf;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * JSON schemas for the OpenAPI document, derived from the API's record types by reflection, so the
 * document describes exactly what the server parses and writes. Records become named components;
 * a component is {@code required} unless it may be absent ({@link #mayBeAbsent}); Jackson's
 * {@code @JsonClassDescription} and {@code @JsonPropertyDescription} become descriptions; a sealed
 * interface with {@code @JsonTypeInfo} becomes a {@code oneOf} with a discriminator.
 */
final class JsonSchemas {
    private static final String COMPONENTS = "#/components/schemas/";
    private final Map<String, Object> components = new LinkedHashMap<>();
    private final Map<String, Class<?>> named = new HashMap<>();

    Map<String, Object> components() {
        return components;
    }

    /**
     * Whether a record component may be missing from the JSON: marked {@link OptionalField}, or written
     * by Jackson only when non-null or non-empty.
     */
    static boolean mayBeAbsent(RecordComponent component) {
        if (component.isAnnotationPresent(OptionalField.class)) {
            return true;
        }
        JsonInclude include = component.getAccessor().getAnnotation(JsonInclude.class);
        return include != null && include.value() != JsonInclude.Include.ALWAYS
                && include.value() != JsonInclude.Include.USE_DEFAULTS;
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
                // Page<T> and friends: inline, with the type arguments substituted.
                var variables = raw.getTypeParameters();
                return objectSchema(raw, componentType -> {
                    for (int i = 0; i < variables.length; i++) {
                        componentType = substitute(componentType, variables[i].getName(), args[i]);
                    }
                    return componentType;
                });
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
        if (type1 == java.time.LocalDate.class) {
            return Map.of("type", "string", "format", "date");
        }
        if (type1.isEnum()) {
            return enumSchema(type1);
        }
        if (Map.class.isAssignableFrom(type1)) {
            return Map.of("type", "object");
        }
        if (type1.isRecord() || type1.isInterface()) {
            String name = type1.getSimpleName();
            Class<?> holder = named.putIfAbsent(name, type1);
            if (holder != null && holder != type1) {
                throw new IllegalStateException("Two API types are named " + name + ": " + holder + " and " + type1);
            }
            if (!components.containsKey(name)) {
                components.put(name, Map.of()); // placeholder stops recursion
                components.put(name, type1.isRecord() ? objectSchema(type1, UnaryOperator.identity())
                        : polymorphic(type1));
            }
            return Map.of("$ref", COMPONENTS + name);
        }
        return Map.of("type", "object");
    }

    /** The wire names of an enum, less a client's fallback for unknown values. */
    private static Map<String, Object> enumSchema(Class<?> type) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "string");
        schema.put("enum", ApiEnums.wireNames(type));
        describe(schema, type.getAnnotation(JsonClassDescription.class));
        return schema;
    }

    private Map<String, Object> objectSchema(Class<?> record, UnaryOperator<Type> resolve) {
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        discriminator(record).ifPresent(d -> {
            properties.put(d.property(), Map.of("type", "string", "enum", List.of(d.name())));
            required.add(d.property());
        });
        for (RecordComponent component : record.getRecordComponents()) {
            ValuesOf values = component.getAnnotation(ValuesOf.class);
            Map<String, Object> property = new LinkedHashMap<>(values != null ? enumSchema(values.value())
                    : schemaOf(resolve.apply(component.getGenericType())));
            describe(property, component.getAccessor().getAnnotation(JsonPropertyDescription.class));
            properties.put(component.getName(), property);
            if (!mayBeAbsent(component)) {
                required.add(component.getName());
            }
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        describe(schema, record.getAnnotation(JsonClassDescription.class));
        schema.put("properties", properties);
        if (!required.isEmpty()) {
            schema.put("required", required);
        }
        return schema;
    }

    private record Discriminator(String property, String name) {
    }

    /** The type name Jackson writes into a subtype of a polymorphic interface, and the property it goes in. */
    private static Optional<Discriminator> discriminator(Class<?> record) {
        for (Class<?> parent : record.getInterfaces()) {
            JsonTypeInfo info = parent.getAnnotation(JsonTypeInfo.class);
            JsonSubTypes subTypes = parent.getAnnotation(JsonSubTypes.class);
            if (info != null && subTypes != null) {
                for (JsonSubTypes.Type subType : subTypes.value()) {
                    if (subType.value() == record) {
                        return Optional.of(new Discriminator(info.property(), subType.name()));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private Map<String, Object> polymorphic(Class<?> type) {
        JsonTypeInfo info = type.getAnnotation(JsonTypeInfo.class);
        JsonSubTypes subTypes = type.getAnnotation(JsonSubTypes.class);
        if (info == null || subTypes == null) {
            return Map.of("type", "object");
        }
        List<Object> options = new ArrayList<>();
        Map<String, Object> mapping = new LinkedHashMap<>();
        for (JsonSubTypes.Type subType : subTypes.value()) {
            Map<String, Object> ref = schemaOf(subType.value());
            options.add(ref);
            mapping.put(subType.name(), ref.get("$ref"));
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        describe(schema, type.getAnnotation(JsonClassDescription.class));
        schema.put("oneOf", options);
        schema.put("discriminator", Map.of("propertyName", info.property(), "mapping", mapping));
        return schema;
    }

    private static void describe(Map<String, Object> schema, Object annotation) {
        String text = switch (annotation) {
            case JsonClassDescription d -> d.value();
            case JsonPropertyDescription d -> d.value();
            case null, default -> "";
        };
        if (!text.isEmpty()) {
            schema.put("description", text);
        }
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
        if (type == java.time.LocalDate.class) {
            return "an ISO-8601 date";
        }
        return "an object";
    }
}
