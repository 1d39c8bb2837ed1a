/**
 * The wire contract between the OpenSSPR server and its clients: request and response records,
 * {@link org.opensspr.api.ErrorCode error codes} with the {@link org.opensspr.api.ApiError error body},
 * {@link org.opensspr.api.ApiPaths paths} and {@link org.opensspr.api.UploadLimits upload limits}, the
 * one {@link org.opensspr.api.Json JSON configuration}, and the
 * {@link org.opensspr.api.CertificateFingerprint certificate fingerprint} the server prints and clients pin. Shared by the server and every client; no HTTP library here.
 */
package org.opensspr.api;
