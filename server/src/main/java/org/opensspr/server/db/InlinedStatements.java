package org.opensspr.server.db;

import org.jooq.DSLContext;
import org.jooq.conf.SettingsTools;
import org.jooq.conf.StatementType;
import org.jooq.impl.DSL;

/**
 * A context that writes every value into the statement text, for the lists that must stay fast at scale
 * (ADR 18, ADR 29): PostgreSQL then plans each statement for its own values instead of a cached generic plan
 * (which can't, for one, use an index for a LIKE pattern it doesn't know), and what a test explains is what runs.
 */
public final class InlinedStatements {
    private InlinedStatements() {
    }

    public static DSLContext of(DSLContext dsl) {
        return DSL.using(dsl.configuration().derive(
                SettingsTools.clone(dsl.settings()).withStatementType(StatementType.STATIC_STATEMENT)));
    }
}
