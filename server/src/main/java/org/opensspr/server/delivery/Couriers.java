package org.opensspr.server.delivery;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who carries each channel. A channel with no courier can't deliver: its messages fail at once, and the
 * methods that need it don't count for anyone ({@link #deliverable()}).
 */
public final class Couriers {
    private final Map<Channel, Courier> byChannel;

    private Couriers(Map<Channel, Courier> byChannel) {
        this.byChannel = Collections.unmodifiableMap(new EnumMap<>(byChannel));
    }

    public static Couriers of(Map<Channel, Courier> byChannel) {
        return new Couriers(byChannel.isEmpty() ? new EnumMap<>(Channel.class) : byChannel);
    }

    /** Mail only (the other channels can't deliver). */
    public static Couriers mailOnly(MailSender sender) {
        return of(Map.of(Channel.EMAIL, Courier.mail(sender)));
    }

    public Optional<Courier> of(Channel channel) {
        return Optional.ofNullable(byChannel.get(channel));
    }

    public Set<Channel> deliverable() {
        return byChannel.keySet();
    }
}
