package org.opensspr.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import org.opensspr.api.ErrorCode;
import org.opensspr.api.Json;

import java.io.IOException;

/**
 * Reads JSON request bodies strictly: malformed JSON, a missing or null field and a value of the
 * wrong type each get their own error code naming the field, never a 500.
 */
public final class RequestBodies {
    private final ObjectMapper strict = strictMapper();

    /** No silent coercion either way: "5" is not a number and 5 is not text. */
    private static ObjectMapper strictMapper() {
        ObjectMapper mapper = Json.newMapper().copy()
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.coercionConfigDefaults()
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }

    public <T> T read(byte[] body, Class<T> type) {
        JsonNode tree;
        try {
            tree = strict.readTree(body);
        } catch (IOException e) {
            throw new ApiException(ErrorCode.MALFORMED_JSON, "The request body is not valid JSON.");
        }
        if (tree == null || tree.isMissingNode()) {
            throw new ApiException(ErrorCode.MALFORMED_JSON, "The request body is empty; a JSON object is expected.");
        }
        if (!tree.isObject()) {
            throw new ApiException(ErrorCode.WRONG_TYPE, "The request body must be a JSON object.");
        }
        RequiredFields.check(tree, type, "");
        try {
            return strict.treeToValue(tree, type);
        } catch (ValueInstantiationException e) {
            // A record constructor refused the value (e.g. a required part was null).
            throw ApiException.field(ErrorCode.INVALID_VALUE, path(e), "Invalid value for '" + path(e) + "'.");
        } catch (InvalidFormatException e) {
            if (e.getValue() instanceof String && e.getTargetType() != null && e.getTargetType().isEnum()) {
                // Text, but not one of the values: the same answer a query or path gives (ApiEnums.parse).
                throw ApiException.field(ErrorCode.INVALID_VALUE, path(e), "'" + path(e) + "' must be "
                        + ApiEnums.allowed(e.getTargetType()) + ".");
            }
            throw ApiException.field(ErrorCode.WRONG_TYPE, path(e), "'" + path(e) + "' has the wrong type"
                    + expected(e.getTargetType()) + ".");
        } catch (MismatchedInputException e) {
            String field = path(e);
            boolean missing = e.getMessage() != null && e.getMessage().contains("Cannot map `null`");
            if (missing) {
                throw ApiException.field(ErrorCode.MISSING_FIELD, field, "'" + field + "' is required.");
            }
            throw ApiException.field(ErrorCode.WRONG_TYPE, field, "'" + field + "' has the wrong type"
                    + expected(e.getTargetType()) + ".");
        } catch (JsonProcessingException e) {
            throw new ApiException(ErrorCode.MALFORMED_JSON, "The request body could not be read.");
        } catch (IllegalArgumentException e) {
            throw new ApiException(ErrorCode.INVALID_VALUE, "The request body has an invalid value.");
        }
    }

    private static String expected(Class<?> target) {
        if (target == null) {
            return "";
        }
        if (target.isEnum()) {
            return "; expected " + ApiEnums.allowed(target);
        }
        return "; expected " + JsonSchemas.typeName(target);
    }

    /** The field path in the request, dotted with [index] for arrays ({@code methods.enabled[2]}). */
    static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "(body)" : path.toString();
    }
}
