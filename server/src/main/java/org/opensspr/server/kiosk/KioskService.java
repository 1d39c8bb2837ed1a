package org.opensspr.server.kiosk;

import org.opensspr.api.AuditActivity;
import org.opensspr.server.audit.AuditEntry;
import org.opensspr.server.audit.AuditLog;

import org.opensspr.api.ErrorCode;
import org.opensspr.api.KioskCredentialDto;
import org.opensspr.api.KioskDto;
import org.opensspr.api.KioskEnrollRequest;
import org.opensspr.api.KioskEnrollmentCodeDto;
import org.opensspr.api.Page;
import org.opensspr.server.db.Database;
import org.opensspr.server.http.ApiException;
import org.opensspr.server.http.Principal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A kiosk's life: an administrator (or the CLI) creates it and gets a one-time enrollment code; the
 * kiosk exchanges the code for its device credential and the server certificate's fingerprint; each
 * later call authenticates with the credential and is remembered as "last seen"; an administrator
 * can revoke it.
 *
 * <p>An enrollment code that is unknown, already used, expired, or whose kiosk was revoked gets one
 * identical answer (INVALID_VALUE on {@code code}), so the answer tells nobody which codes exist.
 */
public final class KioskService {
    public static final Duration ENROLLMENT_VALIDITY = Duration.ofHours(24);
    /** "Last seen" is written at most this often per kiosk, so busy kiosks don't write on every call. */
    public static final Duration LAST_SEEN_RESOLUTION = Duration.ofMinutes(1);
    public static final int MAX_NAME_LENGTH = 100;
    public static final int MAX_DEVICE_NAME_LENGTH = 253;
    static final String INVALID_CODE = "This enrollment code is not valid: it may be mistyped, already used or"
            + " expired. Ask an administrator for a new one.";
    static final String REVOKED = "This kiosk's enrollment has been revoked. Ask an administrator to enroll it again.";
    private static final int MAX_ADDRESS_LENGTH = 64;

    private final Database database;
    private final Clock clock;
    private final Supplier<String> serverFingerprint;
    private final AuditLog audit;
    private final KioskRepository repository = new KioskRepository();
    private final KioskSecrets secrets = new KioskSecrets(new SecureRandom());

    /**
     * @param serverFingerprint the fingerprint of the certificate the server presents, colon-separated
     *                          ({@code ServerCertificate.fingerprint().toString()}); returns null on plain HTTP
     */
    public KioskService(Database database, Clock clock, Supplier<String> serverFingerprint, AuditLog audit) {
        this.database = Objects.requireNonNull(database, "database");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.serverFingerprint = Objects.requireNonNull(serverFingerprint, "serverFingerprint");
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    /**
     * Creates a kiosk and its one-time enrollment code, valid {@link #ENROLLMENT_VALIDITY}. The code is
     * in the answer only; the database keeps its hash. Also what the CLI's {@code enroll-kiosk} calls.
     *
     * @param createdBy who asked: an administrator's user name, or e.g. "cli"
     * @throws ApiException INVALID_VALUE on {@code name} when it is blank, too long or has control characters
     */
    public KioskEnrollmentCodeDto createEnrollment(String name, String createdBy) {
        String kioskName = checkedName(name, "name", MAX_NAME_LENGTH, "a kiosk name");
        if (kioskName == null) {
            throw ApiException.field(ErrorCode.INVALID_VALUE, "name", "Give the kiosk a name.");
        }
        if (createdBy == null || createdBy.isBlank()) {
            throw new IllegalArgumentException("createdBy names who creates the kiosk");
        }
        String id = UUID.randomUUID().toString();
        String code = secrets.newEnrollmentCode();
        String codeHash = KioskSecrets.sha256Hex(KioskSecrets.normalizeCode(code).orElseThrow());
        OffsetDateTime now = now();
        OffsetDateTime expiresAt = now.plus(ENROLLMENT_VALIDITY);
        database.inTransactionDo(dsl -> {
            repository.insertKiosk(dsl, id, kioskName, createdBy.strip(), now);
            repository.insertCode(dsl, codeHash, id, expiresAt);
            audit.append(dsl, AuditEntry.success(AuditActivity.ADD_KIOSK, createdBy.strip(), kioskName)
                    .withDetails("kiosk " + id + ", enrollment code valid until " + expiresAt.toInstant()));
        });
        return new KioskEnrollmentCodeDto(id, kioskName, code, expiresAt.toInstant());
    }

    /**
     * Exchanges a one-time code for the kiosk's device credential. Nothing changes when it is refused.
     *
     * @throws ApiException INVALID_VALUE on {@code code} ({@link #INVALID_CODE}) for any code that doesn't
     *                      enroll; INVALID_VALUE on {@code deviceName} when that is too long or has control characters
     */
    public KioskCredentialDto enroll(KioskEnrollRequest request, String clientAddress) {
        String deviceName = checkedName(request.deviceName(), "deviceName", MAX_DEVICE_NAME_LENGTH, "a device name");
        String codeHash = KioskSecrets.normalizeCode(request.code()).map(KioskSecrets::sha256Hex)
                .orElseThrow(KioskService::invalidCode);
        String credential = secrets.newCredential();
        String credentialHash = KioskSecrets.sha256Hex(credential);
        OffsetDateTime now = now();
        KioskRow kiosk = database.inTransaction(dsl -> repository.redeemCode(dsl, codeHash, now).map(id -> {
            repository.completeEnrollment(dsl, id, credentialHash, deviceName, now, address(clientAddress));
            return repository.find(dsl, id).orElseThrow();
        })).orElseThrow(KioskService::invalidCode);
        return new KioskCredentialDto(kiosk.id(), kiosk.name(), credential, serverFingerprint.get());
    }

    /**
     * The kiosk a bearer token belongs to, for the server's authenticator. Empty when the token is not
     * a kiosk credential ({@code k.} prefix) or no kiosk holds it: the authenticator then answers
     * UNAUTHENTICATED (or tries it as an admin session when it lacks the prefix).
     *
     * @throws ApiException KIOSK_REVOKED when the kiosk holding it was revoked
     */
    public Optional<Principal.Kiosk> authenticate(String credential, String clientAddress) {
        if (!KioskSecrets.looksLikeCredential(credential)) {
            return Optional.empty();
        }
        Optional<KioskRow> found = repository.findByCredentialHash(database.dsl(), KioskSecrets.sha256Hex(credential));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        KioskRow kiosk = found.get();
        if (kiosk.revoked()) {
            throw new ApiException(ErrorCode.KIOSK_REVOKED, REVOKED);
        }
        OffsetDateTime now = now();
        OffsetDateTime seenBefore = now.minus(LAST_SEEN_RESOLUTION);
        if (kiosk.lastSeenAt() == null || !kiosk.lastSeenAt().isAfter(seenBefore)) {
            database.inTransactionDo(dsl -> repository.touch(dsl, kiosk.id(), now, seenBefore, address(clientAddress)));
        }
        return Optional.of(new Principal.Kiosk(kiosk.id(), kiosk.name()));
    }

    /** Revokes a kiosk: its credential and any unused code stop working. Revoking twice changes nothing. */
    public KioskDto revoke(String actor, String kioskId) {
        OffsetDateTime now = now();
        KioskRow row = database.inTransaction(dsl -> {
            KioskRow before = repository.find(dsl, kioskId).orElseThrow(() -> ApiException.notFound("Kiosk " + kioskId));
            repository.revoke(dsl, kioskId, now);
            if (before.revokedAt() == null) {
                audit.append(dsl, AuditEntry.success(AuditActivity.REVOKE_KIOSK, actor, before.name())
                        .withDetails("kiosk " + kioskId));
            }
            return repository.find(dsl, kioskId).orElseThrow();
        });
        return dto(row, now);
    }

    /** A page of kiosks by name, revoked ones included. */
    public Page<KioskDto> list(int page, int size) {
        OffsetDateTime now = now();
        return database.inTransaction(dsl -> {
            List<KioskDto> items = repository.page(dsl, page, size).stream().map(row -> dto(row, now)).toList();
            return new Page<>(items, repository.count(dsl), page, size);
        });
    }

    public KioskDto get(String kioskId) {
        return repository.find(database.dsl(), kioskId).map(row -> dto(row, now()))
                .orElseThrow(() -> ApiException.notFound("Kiosk " + kioskId));
    }

    static KioskDto dto(KioskRow row, OffsetDateTime now) {
        KioskDto.Status status;
        if (row.revoked()) {
            status = KioskDto.Status.REVOKED;
        } else if (row.enrolledAt() != null) {
            status = KioskDto.Status.ENROLLED;
        } else if (row.pendingCodeExpiresAt() != null && row.pendingCodeExpiresAt().isAfter(now)) {
            status = KioskDto.Status.AWAITING_ENROLLMENT;
        } else {
            status = KioskDto.Status.ENROLLMENT_EXPIRED;
        }
        Instant codeExpiry = status == KioskDto.Status.AWAITING_ENROLLMENT || status == KioskDto.Status.ENROLLMENT_EXPIRED
                ? instant(row.pendingCodeExpiresAt()) : null;
        return new KioskDto(row.id(), row.name(), row.deviceName(), status, row.createdBy(), instant(row.createdAt()),
                codeExpiry, instant(row.enrolledAt()), instant(row.lastSeenAt()), row.lastSeenAddress(),
                instant(row.revokedAt()));
    }

    /** Null for blank; the stripped text when acceptable; else INVALID_VALUE on {@code field}. */
    private static String checkedName(String value, String field, int maxLength, String what) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String name = value.strip();
        if (name.length() > maxLength) {
            throw ApiException.field(ErrorCode.INVALID_VALUE, field,
                    "Use at most " + maxLength + " characters for " + what + ".");
        }
        if (name.chars().anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT)) {
            throw ApiException.field(ErrorCode.INVALID_VALUE, field, "Use no control characters in " + what + ".");
        }
        return name;
    }

    private static ApiException invalidCode() {
        return ApiException.field(ErrorCode.INVALID_VALUE, "code", INVALID_CODE);
    }

    private static String address(String clientAddress) {
        if (clientAddress == null || clientAddress.isBlank()) {
            return null;
        }
        String address = clientAddress.strip();
        return address.length() > MAX_ADDRESS_LENGTH ? address.substring(0, MAX_ADDRESS_LENGTH) : address;
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
