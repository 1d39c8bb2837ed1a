package org.opensspr.server.writeback;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.stream.Collectors;

/**
 * The LDIF {@link SlapdServer} loads with slapadd: its cn=config (database 0) and its directory (database 1).
 * The policy and the access rules are the ones a product deployment needs, so the tests exercise them:
 * <ul>
 * <li>ppolicy with lockout after 3 failures, history 5, minimum length 8 checked strictly, and
 *     {@code pwdMustChange} so that {@code pwdReset: TRUE} restricts the user to changing the password;</li>
 * <li>the reset service account may write {@code userPassword}, {@code pwdAccountLockedTime} and
 *     {@code pwdReset} and read entries, nothing else; a user may change only its own password.</li>
 * </ul>
 */
final class SlapdConfiguration {
    static final String BASE_DN = "dc=example,dc=test";
    static final String ROOT_DN = "cn=admin," + BASE_DN;
    static final String PEOPLE_DN = "ou=people," + BASE_DN;
    static final String SERVICE_DN = "cn=reset-svc,ou=services," + BASE_DN;
    /** A service account that exists and can bind but has no write rights. */
    static final String UNDELEGATED_DN = "cn=no-rights-svc,ou=services," + BASE_DN;
    /** A service account delegated the password but not pwdReset: a half-done delegation. */
    static final String PASSWORD_ONLY_DN = "cn=password-only-svc,ou=services," + BASE_DN;
    static final String POLICY_DN = "cn=default,ou=policies," + BASE_DN;

    private final Path folder;
    private final DomainControllerPki pki;

    SlapdConfiguration(Path folder, DomainControllerPki pki) {
        this.folder = folder;
        this.pki = pki;
    }

    String config(String rootPassword) {
        String schemas = SlapdInstallation.SCHEMA_FILES.stream()
                .map(file -> "include: file://" + SlapdInstallation.SCHEMA.resolve(file))
                .collect(Collectors.joining("\n"));
        return """
                dn: cn=config
                objectClass: olcGlobal
                cn: config
                olcPidFile: %1$s/slapd.pid
                olcArgsFile: %1$s/slapd.args
                olcTLSCACertificateFile: %2$s
                olcTLSCertificateFile: %3$s
                olcTLSCertificateKeyFile: %4$s
                olcPasswordHash: {SSHA}

                dn: cn=module{0},cn=config
                objectClass: olcModuleList
                cn: module{0}
                olcModulePath: %5$s
                olcModuleLoad: back_mdb
                olcModuleLoad: ppolicy

                dn: cn=schema,cn=config
                objectClass: olcSchemaConfig
                cn: schema

                %6$s

                dn: olcDatabase={-1}frontend,cn=config
                objectClass: olcDatabaseConfig
                objectClass: olcFrontendConfig
                olcDatabase: {-1}frontend

                dn: olcDatabase={0}config,cn=config
                objectClass: olcDatabaseConfig
                olcDatabase: {0}config
                olcAccess: {0}to * by * none

                dn: olcDatabase={1}mdb,cn=config
                objectClass: olcDatabaseConfig
                objectClass: olcMdbConfig
                olcDatabase: {1}mdb
                olcSuffix: %7$s
                olcRootDN: %8$s
                olcRootPW: %9$s
                olcDbDirectory: %1$s/data
                olcDbMaxSize: 67108864
                olcDbIndex: objectClass eq
                olcDbIndex: uid eq
                olcAccess: {0}to attrs=userPassword by dn.exact="%10$s" write by dn.exact="%12$s" write by self write by anonymous auth by * none
                olcAccess: {1}to attrs=pwdAccountLockedTime,pwdReset by dn.exact="%10$s" write by * none
                olcAccess: {2}to * by dn.exact="%10$s" read by dn.exact="%12$s" read by self read by users read by * none

                dn: olcOverlay={0}ppolicy,olcDatabase={1}mdb,cn=config
                objectClass: olcOverlayConfig
                objectClass: olcPPolicyConfig
                olcOverlay: {0}ppolicy
                olcPPolicyDefault: %11$s
                olcPPolicyHashCleartext: TRUE
                olcPPolicyUseLockout: TRUE
                """.formatted(folder, pki.caCertificate(), pki.dcCertificate(), pki.dcKey(), SlapdInstallation.MODULES,
                schemas, BASE_DN, ROOT_DN, ssha(rootPassword), SERVICE_DN, POLICY_DN, PASSWORD_ONLY_DN);
    }

    String directory(String servicePassword) {
        return """
                dn: %1$s
                objectClass: dcObject
                objectClass: organization
                dc: example
                o: Example

                dn: %2$s
                objectClass: organizationalUnit
                ou: people

                dn: ou=services,%1$s
                objectClass: organizationalUnit
                ou: services

                dn: ou=policies,%1$s
                objectClass: organizationalUnit
                ou: policies

                dn: %3$s
                objectClass: organizationalRole
                objectClass: pwdPolicy
                cn: default
                pwdAttribute: userPassword
                pwdMaxFailure: 3
                pwdLockout: TRUE
                pwdLockoutDuration: 0
                pwdFailureCountInterval: 0
                pwdInHistory: 5
                pwdCheckQuality: 2
                pwdMinLength: 8
                pwdAllowUserChange: TRUE
                pwdMustChange: TRUE

                dn: %4$s
                objectClass: organizationalRole
                objectClass: simpleSecurityObject
                cn: reset-svc
                userPassword: %6$s

                dn: %5$s
                objectClass: organizationalRole
                objectClass: simpleSecurityObject
                cn: no-rights-svc
                userPassword: %6$s

                dn: %7$s
                objectClass: organizationalRole
                objectClass: simpleSecurityObject
                cn: password-only-svc
                userPassword: %6$s
                """.formatted(BASE_DN, PEOPLE_DN, POLICY_DN, SERVICE_DN, UNDELEGATED_DN, ssha(servicePassword),
                PASSWORD_ONLY_DN);
    }

    /** slapd's salted SHA-1 form, so no clear password is written to the folder. */
    static String ssha(String password) {
        try {
            byte[] salt = new byte[8];
            new SecureRandom().nextBytes(salt);
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(password.getBytes(StandardCharsets.UTF_8));
            sha1.update(salt);
            byte[] digest = sha1.digest();
            byte[] both = new byte[digest.length + salt.length];
            System.arraycopy(digest, 0, both, 0, digest.length);
            System.arraycopy(salt, 0, both, digest.length, salt.length);
            return "{SSHA}" + Base64.getEncoder().encodeToString(both);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
