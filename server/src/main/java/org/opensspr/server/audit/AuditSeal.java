package org.opensspr.server.audit;

import org.opensspr.server.crypto.KeyedHash;
import org.opensspr.server.crypto.SecretBox;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The keyed MACs that make the audit log tamper-evident (ADR 20): an event's own MAC over its content, a link's
 * MAC over the link before it, and a retention checkpoint's signature. The keys derive from the server's secret
 * key, which lives outside the database, so someone who can edit the database can't forge any of the three.
 * Each input is encoded unambiguously (lengths before text), so two different events never encode alike.
 */
public final class AuditSeal {
    /** The MAC "before" the first link of a chain that was never cut. */
    public static final String GENESIS = "0".repeat(64);

    private final KeyedHash rowKey;
    private final KeyedHash linkKey;
    private final KeyedHash checkpointKey;

    private AuditSeal(SecretBox secrets) {
        this.rowKey = secrets.keyedHash("audit/event/v1");
        this.linkKey = secrets.keyedHash("audit/link/v1");
        this.checkpointKey = secrets.keyedHash("audit/checkpoint/v1");
    }

    public static AuditSeal of(SecretBox secrets) {
        return new AuditSeal(secrets);
    }

    /**
     * The content of one event as stored (after clipping), which its row MAC covers.
     *
     * @param method the method a gate was passed or failed with (V33), or null: a null method adds nothing to the
     *               encoding, so every event written before it existed keeps the MAC it has
     */
    public record Content(Instant occurredAt, String activity, String actor, String target, String kioskId,
                          String result, String failureReason, String details, String method) {
    }

    public String rowMac(Content content) {
        return rowKey.hex(encode(out -> {
            out.writeLong(ChronoUnit.MICROS.between(Instant.EPOCH, content.occurredAt()));
            writeText(out, content.activity());
            writeText(out, content.actor());
            writeText(out, content.target());
            writeText(out, content.kioskId());
            writeText(out, content.result());
            writeText(out, content.failureReason());
            writeText(out, content.details());
            if (content.method() != null) {
                writeText(out, content.method());
            }
        }));
    }

    public String linkMac(String previousLinkMac, long seq, long eventId, String rowMac) {
        return linkKey.hex(encode(out -> {
            writeText(out, previousLinkMac);
            out.writeLong(seq);
            out.writeLong(eventId);
            writeText(out, rowMac);
        }));
    }

    public String checkpointSignature(long seq, String linkMac, Instant cutAt, long eventsRemoved) {
        return checkpointKey.hex(encode(out -> {
            out.writeLong(seq);
            writeText(out, linkMac);
            out.writeLong(ChronoUnit.MICROS.between(Instant.EPOCH, cutAt));
            out.writeLong(eventsRemoved);
        }));
    }

    private interface Encoder {
        void write(DataOutputStream out) throws IOException;
    }

    private static byte[] encode(Encoder encoder) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            encoder.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void writeText(DataOutputStream out, String text) throws IOException {
        if (text == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    @Override
    public String toString() {
        return "AuditSeal[keys=<redacted>]";
    }
}
