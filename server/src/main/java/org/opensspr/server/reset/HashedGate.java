package org.opensspr.server.reset;

import org.jooq.DSLContext;

import java.util.Map;

/**
 * A gate whose check costs deliberate hashing (security answers, Argon2id). Checking splits in two, so
 * no database connection is held while hashing: {@link #prepare} reads what is needed inside the flow's
 * transaction, {@link #verify} hashes outside it, bounded by what was prepared, not by the request.
 *
 * @param <T> what the check needs from the database
 */
interface HashedGate<T> extends Gate {

    T prepare(DSLContext tx, GateContext context);

    Proof verify(T prepared, String code, Map<String, String> answers);

    @Override
    default Proof check(DSLContext tx, GateContext context, String code, Map<String, String> answers) {
        return verify(prepare(tx, context), code, answers);
    }
}
