package org.opensspr.server.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.List;

/**
 * An app notification as the outbox keeps it (sealed: the answer URL is a credential until it expires):
 * the words, where the phone answers, and the numbers it offers. Push couriers turn it into their
 * service's message; test mode and the console's outbox read it as JSON.
 */
public record PushNotice(String title, String message, String answerUrl, List<String> choices) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public PushNotice {
        choices = List.copyOf(choices);
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A notice of strings always serializes", e);
        }
    }

    public static PushNotice fromJson(String json) throws DeliveryException {
        try {
            return JSON.readValue(json, PushNotice.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw DeliveryException.permanent("The queued notification is malformed");
        }
    }
}
