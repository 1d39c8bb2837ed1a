package org.opensspr.server.directory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.opensspr.api.ErrorCode;
import org.opensspr.api.Json;
import org.opensspr.server.http.ApiException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Where a page of a list ended, to continue after it (keyset paging, ADR 18): the sort it was made for,
 * the sort key values of its last row, and the position of the row after it. Opaque to clients; base64url
 * of a small JSON array. A cursor carries no search text: "after this row, in this order" means the same
 * with any search.
 *
 * @param sort     the sort as written, e.g. "-createdAt"
 * @param position how many rows came before the next page (gives the page number of a cursor's page)
 * @param keys     the last row's sort key values, as text
 */
public record ListCursor(String sort, long position, List<String> keys) {
    private static final ObjectMapper JSON = Json.newMapper();

    public ListCursor {
        keys = List.copyOf(keys);
    }

    public String encode() {
        ArrayNode array = JSON.createArrayNode().add(sort).add(position);
        keys.forEach(array::add);
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(array));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The cursor in {@code text}, made for {@code sort} with {@code keyCount} keys; else INVALID_VALUE. */
    public static ListCursor decode(String text, String sort, int keyCount) {
        JsonNode array;
        try {
            array = JSON.readTree(Base64.getUrlDecoder().decode(text.getBytes(StandardCharsets.US_ASCII)));
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw invalid();
        }
        if (array == null || !array.isArray() || array.size() != keyCount + 2 || !array.get(0).isTextual()
                || !array.get(1).canConvertToLong() || array.get(1).asLong() < 0) {
            throw invalid();
        }
        if (!array.get(0).asText().equals(sort)) {
            throw ApiException.field(ErrorCode.INVALID_VALUE, "after",
                    "'after' belongs to a page sorted by " + array.get(0).asText() + "; send the same sort.");
        }
        List<String> keys = new ArrayList<>();
        for (int i = 2; i < array.size(); i++) {
            if (!array.get(i).isTextual()) {
                throw invalid();
            }
            keys.add(array.get(i).asText());
        }
        return new ListCursor(sort, array.get(1).asLong(), keys);
    }

    public static ApiException invalid() {
        return ApiException.field(ErrorCode.INVALID_VALUE, "after", "'after' must be a page's 'next' cursor.");
    }
}
