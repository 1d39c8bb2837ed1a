package org.opensspr.server.api;

import org.opensspr.api.BrandingAssetDto;
import org.opensspr.api.BrandingDto;
import org.opensspr.api.ErrorCode;
import org.opensspr.api.HelpdeskContactDto;
import org.opensspr.api.KioskEnrollRequest;
import org.opensspr.api.PolicyValidationDto;
import org.opensspr.api.UploadLimits;
import org.opensspr.client.OpenSsprApiException;
import org.opensspr.client.OpenSsprClient;
import org.opensspr.directory.Role;
import org.opensspr.policy.CustomizationPolicy;
import org.opensspr.policy.KioskNetworkPolicy;
import org.opensspr.policy.OnPremisesPolicy;
import org.opensspr.policy.PolicyViolation;
import org.opensspr.policy.PolicyViolationCode;
import org.opensspr.policy.SsprPolicy;
import org.opensspr.server.testing.OnBothDatabases;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Branding over the API: uploads checked to be real images, served cacheably, named by the policy, read by kiosks. */
class BrandingApiTest {

    @OnBothDatabases
    void uploadedImagesAreServedWithTheirTypeAndAStrongTag(InProcessServer server) throws Exception {
        try (OpenSsprClient admin = TestAdmins.client(server, Role.AUTHENTICATION_POLICY_ADMINISTRATOR);
             OpenSsprClient kiosk = OpenSsprClient.builder().baseUrl(server.url()).build()) {
            byte[] png = TestImages.image("png", 320, 80);
            byte[] jpeg = TestImages.image("jpg", 1920, 1080);

            BrandingAssetDto logo = admin.uploadBrandingAsset(png, "image/png");
            BrandingAssetDto background = admin.uploadBrandingAsset(jpeg, "image/jpeg");

            assertThat(logo).isEqualTo(new BrandingAssetDto(logo.id(), "image/png", 320, 80));
            assertThat(background).isEqualTo(new BrandingAssetDto(background.id(), "image/jpeg", 1920, 1080));
            assertThat(UUID.fromString(logo.id())).isNotNull();
            assertThat(kiosk.brandingAsset(logo.id())).isEqualTo(png);
            assertThat(kiosk.brandingAsset(background.id())).isEqualTo(jpeg);

            HttpClient http = HttpClient.newHttpClient();
            URI uri = URI.create(server.url() + "/api/v1/branding/assets/" + background.id());
            HttpResponse<byte[]> first = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofByteArray());
            String tag = "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(jpeg)) + "\"";
            assertThat(first.headers().firstValue("Content-Type")).hasValue("image/jpeg");
            assertThat(first.headers().firstValue("ETag")).hasValue(tag);
            assertThat(first.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v)
                    .contains("max-age=31536000", "immutable"));
            HttpResponse<byte[]> revalidated = http.send(HttpRequest.newBuilder(uri).header("If-None-Match", tag).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(revalidated.statusCode()).isEqualTo(304);

            OpenSsprApiException unknown = catchThrowableOfType(OpenSsprApiException.class,
                    () -> kiosk.brandingAsset(UUID.randomUUID().toString()));
            assertThat(unknown.code()).isEqualTo(ErrorCode.NOT_FOUND);
            assertThat(catchThrowableOfType(OpenSsprApiException.class, () -> kiosk.brandingAsset("x".repeat(200)))
                    .code()).isEqualTo(ErrorCode.NOT_FOUND);
        }
    }

    @OnBothDatabases
    void whatIsNotASoundPngOrJpegIsRefusedAndNothingIsStored(InProcessServer server) {
        String admin = TestAdmins.signIn(server, Role.GLOBAL_ADMINISTRATOR);
        String reader = TestAdmins.signIn(server, Role.REPORTS_READER);
        byte[] png = TestImages.image("png", 64, 64);
        byte[] jpeg = TestImages.image("jpg", 640, 480);
        var before = TableSnapshot.of(server.server().database().dsl());

        assertRefused(server, admin, "image/gif", png, 415, ErrorCode.UNSUPPORTED_MEDIA_TYPE);
        assertRefused(server, admin, "text/plain", png, 415, ErrorCode.UNSUPPORTED_MEDIA_TYPE);
        assertRefused(server, admin, "image/png", new byte[UploadLimits.BRANDING_IMAGE_BYTES + 1], 413, ErrorCode.PAYLOAD_TOO_LARGE);
        assertRefused(server, admin, "image/png", new byte[0], 400, ErrorCode.INVALID_VALUE);
        assertRefused(server, admin, "image/png", "<svg/>".getBytes(), 400, ErrorCode.INVALID_VALUE);
        assertRefused(server, admin, "image/jpeg", png, 400, ErrorCode.INVALID_VALUE);
        assertRefused(server, admin, "image/png", jpeg, 400, ErrorCode.INVALID_VALUE);
        assertRefused(server, admin, "image/png", TestImages.truncated(png, 0.6), 400, ErrorCode.INVALID_VALUE);
        assertRefused(server, admin, "image/jpeg", TestImages.truncated(jpeg, 0.5), 400, ErrorCode.INVALID_VALUE);
        assertRefused(server, admin, "image/png", TestImages.image("png", 8001, 2), 400, ErrorCode.INVALID_VALUE);
        assertRefused(server, null, "image/png", png, 401, ErrorCode.UNAUTHENTICATED);
        assertRefused(server, reader, "image/png", png, 403, ErrorCode.FORBIDDEN);

        assertThat(TableSnapshot.of(server.server().database().dsl())).isEqualTo(before);
        assertThat(server.send("POST", "/api/v1/branding/assets", admin, "image/png",
                TestImages.image("png", 8000, 1)).statusCode()).isEqualTo(201);
    }

    @OnBothDatabases
    void theLockScreenReadsTheBrandingOfThePolicyInForce(InProcessServer server) {
        try (OpenSsprClient admin = TestAdmins.client(server, Role.GLOBAL_ADMINISTRATOR);
             OpenSsprClient anonymous = OpenSsprClient.builder().baseUrl(server.url()).build()) {
            assertThat(anonymous.branding()).isEqualTo(new BrandingDto("", "", "", new HelpdeskContactDto("", ""), true));

            String logo = admin.uploadBrandingAsset(TestImages.image("png", 200, 50), "image/png").id();
            String background = admin.uploadBrandingAsset(TestImages.image("jpg", 800, 600), "image/jpeg").id();
            SsprPolicy current = admin.currentPolicy().policy();
            SsprPolicy unknownLogo = current.withCustomization(new CustomizationPolicy(true,
                    "https://help.contoso.example", "Contoso", UUID.randomUUID().toString(), "not-an-image"));

            PolicyValidationDto validation = admin.validatePolicy(unknownLogo);
            assertThat(validation.violations()).extracting(PolicyViolation::field, PolicyViolation::code).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("customization.logoAssetId", PolicyViolationCode.BRANDING_ASSET_UNKNOWN),
                    org.assertj.core.groups.Tuple.tuple("customization.backgroundAssetId", PolicyViolationCode.BRANDING_ASSET_UNKNOWN));
            OpenSsprApiException refused = catchThrowableOfType(OpenSsprApiException.class,
                    () -> admin.updatePolicy(admin.currentPolicy().version(), unknownLogo));
            assertThat(refused.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
            assertThat(refused.fieldErrors()).extracting(e -> e.field())
                    .containsExactly("customization.logoAssetId", "customization.backgroundAssetId");

            SsprPolicy branded = current.withCustomization(new CustomizationPolicy(true, "https://help.contoso.example",
                    "Contoso", logo, background)).withOnPremises(new OnPremisesPolicy(true, false));
            assertThat(admin.validatePolicy(branded).valid()).isTrue();
            admin.updatePolicy(admin.currentPolicy().version(), branded);

            BrandingDto expected = new BrandingDto("Contoso", logo, background,
                    new HelpdeskContactDto("https://help.contoso.example", "Contoso"), false);
            assertThat(anonymous.branding()).isEqualTo(expected);
            assertThat(admin.branding()).isEqualTo(expected);
            String credential = anonymous.enrollKiosk(new KioskEnrollRequest(admin.createKiosk("Lobby").code(), null))
                    .credential();
            try (OpenSsprClient kiosk = OpenSsprClient.builder().baseUrl(server.url()).bearerToken(credential).build()) {
                assertThat(kiosk.branding()).isEqualTo(expected);
                assertThat(kiosk.brandingAsset(logo)).isNotEmpty();
            }
        }
    }

    /** Kiosks read images only from the kiosk networks; an administrator's console reads them from anywhere. */
    @OnBothDatabases
    void theConsoleSeesTheImagesOutsideTheKioskNetworks(InProcessServer server) {
        try (OpenSsprClient admin = TestAdmins.client(server, Role.AUTHENTICATION_POLICY_ADMINISTRATOR);
             OpenSsprClient reader = TestAdmins.client(server, Role.REPORTS_READER);
             OpenSsprClient anonymous = OpenSsprClient.builder().baseUrl(server.url()).build()) {
            byte[] png = TestImages.image("png", 200, 50);
            String logo = admin.uploadBrandingAsset(png, "image/png").id();
            admin.updatePolicy(admin.currentPolicy().version(), admin.currentPolicy().policy()
                    .withKioskNetworks(new KioskNetworkPolicy(List.of("10.20.0.0/16"))));

            assertThat(catchThrowableOfType(OpenSsprApiException.class, () -> anonymous.brandingAsset(logo)).code())
                    .isEqualTo(ErrorCode.KIOSK_NETWORK_DENIED);
            assertThat(admin.policyBrandingAsset(logo)).isEqualTo(png);
            assertThat(reader.policyBrandingAsset(logo)).as("every role reads the policy").isEqualTo(png);
            assertThat(catchThrowableOfType(OpenSsprApiException.class, () -> anonymous.policyBrandingAsset(logo)).code())
                    .isEqualTo(ErrorCode.UNAUTHENTICATED);
            assertThat(catchThrowableOfType(OpenSsprApiException.class,
                    () -> admin.policyBrandingAsset(UUID.randomUUID().toString())).code()).isEqualTo(ErrorCode.NOT_FOUND);
        }
    }

    private static void assertRefused(InProcessServer server, String token, String type, byte[] body, int status,
                                      ErrorCode code) {
        HttpResponse<String> response = server.send("POST", "/api/v1/branding/assets", token, type, body);
        assertThat(response.statusCode()).as(type + " " + body.length + " bytes").isEqualTo(status);
        assertThat(response.body()).contains("\"code\":\"" + code.wire() + "\"");
    }
}
