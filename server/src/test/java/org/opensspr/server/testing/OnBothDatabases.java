package org.opensspr.server.testing;

import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a test once on H2 and once on embedded PostgreSQL, each invocation named after its database.
 * Parameters (of the test and its {@code @BeforeEach}/{@code @AfterEach} methods) may be a
 * {@link org.opensspr.server.db.TestDatabases} (the kind), a fresh migrated
 * {@link org.opensspr.server.db.Database}, or an {@link org.opensspr.server.api.InProcessServer} on a
 * fresh database; each invocation gets its own, closed after it.
 *
 * <pre>{@code
 * @OnBothDatabases
 * void savesAPolicy(InProcessServer server) { ... }
 * }</pre>
 *
 * A server with a mail relay or a directory is still started by hand, from a {@code TestDatabases kind}
 * parameter: {@code InProcessServer.start(kind, smtp, ldap)}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestTemplate
@ExtendWith(OnBothDatabasesExtension.class)
public @interface OnBothDatabases {
}
