package org.opensspr.server.siem;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * An audit event as one JSON object, every field always present. Non-ASCII characters are written as
 * {@code \}{@code uXXXX}: the message is then plain ASCII (no byte-order mark, RFC 5424 §6.4) and, like every
 * control character JSON escapes anyway, can't confuse a collector that reads lines.
 */
final class JsonBody {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .build();

    private JsonBody() {
    }

    static String render(SiemEvent event, boolean detailsTruncated) {
        StringWriter text = new StringWriter(256 + event.details().length());
        try (JsonGenerator json = FACTORY.createGenerator(text)) {
            json.writeStartObject();
            json.writeNumberField("id", event.id());
            json.writeStringField("time", Rfc5424.timestamp(event.occurredAt()));
            json.writeStringField("activity", event.activity());
            json.writeStringField("activityCode", event.activityCode());
            json.writeStringField("actor", event.actor());
            json.writeStringField("target", event.target());
            json.writeStringField("kiosk", event.kiosk());
            json.writeStringField("result", event.failed() ? "FAILURE" : "SUCCESS");
            json.writeStringField("failureReason", event.failureReason());
            json.writeStringField("details", event.details());
            json.writeBooleanField("detailsTruncated", detailsTruncated);
            json.writeStringField("method", event.method());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("Writing JSON to memory failed", e);
        }
        return text.toString();
    }
}
