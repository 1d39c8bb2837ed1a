package org.opensspr.server.reset;

import org.opensspr.server.db.DbTime;
import org.jooq.DSLContext;
import org.opensspr.flow.FlowCompletion;
import org.opensspr.flow.FlowIntent;
import org.opensspr.server.db.tables.records.ResetFlowRecord;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.opensspr.server.db.Tables.RESET_FLOW;
import static org.opensspr.server.db.Tables.SPENT_TICKET;

/** Reset flows and their tickets. Each accepted step swaps the ticket under an optimistic step number. */
final class FlowRepository {
    static final String SUPERSEDED = "SUPERSEDED";

    void insert(DSLContext tx, FlowRecord flow, String ticketHash, Instant now) {
        tx.insertInto(RESET_FLOW)
                .set(RESET_FLOW.ID, flow.id())
                .set(RESET_FLOW.INTENT, flow.intent().name())
                .set(RESET_FLOW.KIOSK_ID, flow.kioskId())
                .set(RESET_FLOW.CLIENT_ADDRESS, flow.clientAddress())
                .set(RESET_FLOW.LOCALE, flow.locale())
                .set(RESET_FLOW.TICKET_HASH, ticketHash)
                .set(RESET_FLOW.STEP_NUMBER, flow.stepNumber())
                .set(RESET_FLOW.STARTED_AT, DbTime.of(flow.startedAt()))
                .set(RESET_FLOW.UPDATED_AT, DbTime.of(now))
                .execute();
    }

    Optional<FlowRecord> findByTicket(DSLContext tx, String ticketHash) {
        return tx.selectFrom(RESET_FLOW).where(RESET_FLOW.TICKET_HASH.eq(ticketHash)).fetchOptional(FlowRepository::map);
    }

    Optional<FlowRecord> find(DSLContext tx, String flowId) {
        return tx.selectFrom(RESET_FLOW).where(RESET_FLOW.ID.eq(flowId)).fetchOptional(FlowRepository::map);
    }

    boolean isSpent(DSLContext tx, String ticketHash) {
        return tx.fetchExists(SPENT_TICKET, SPENT_TICKET.TICKET_HASH.eq(ticketHash));
    }

    /**
     * Stores the flow's new facts and swaps its ticket, only if nobody advanced it since it was read
     * (the step number still matches). Returns false when another request won.
     */
    boolean advance(DSLContext tx, FlowRecord flow, String oldTicketHash, String newTicketHash, Instant now) {
        int updated = tx.update(RESET_FLOW)
                .set(RESET_FLOW.ENTERED_USER, flow.enteredUser())
                .set(RESET_FLOW.USER_ID, flow.userId())
                .set(RESET_FLOW.OUTCOME, flow.outcome())
                .set(RESET_FLOW.GATES_REQUIRED, flow.gatesRequired())
                .set(RESET_FLOW.METHODS, FlowRecord.textOf(flow.methods()))
                .set(RESET_FLOW.ON_PREMISES, flow.onPremises())
                .set(RESET_FLOW.TWO_GATE_ADMIN, flow.twoGateAdmin())
                .set(RESET_FLOW.PASSED_GATES, FlowRecord.textOf(flow.passedGates()))
                .set(RESET_FLOW.PENDING_METHOD, flow.pendingMethod() == null ? null : flow.pendingMethod().name())
                .set(RESET_FLOW.QUESTIONS, String.join(",", flow.questions()))
                .set(RESET_FLOW.COMPLETION, flow.completion() == null ? null : flow.completion().name())
                .set(RESET_FLOW.TICKET_HASH, newTicketHash)
                .set(RESET_FLOW.STEP_NUMBER, flow.stepNumber() + 1)
                .set(RESET_FLOW.UPDATED_AT, DbTime.of(now))
                .where(RESET_FLOW.ID.eq(flow.id()))
                .and(RESET_FLOW.STEP_NUMBER.eq(flow.stepNumber()))
                .and(RESET_FLOW.ABANDONED_AT.isNull())
                .execute();
        if (updated == 1) {
            tx.insertInto(SPENT_TICKET)
                    .set(SPENT_TICKET.TICKET_HASH, oldTicketHash)
                    .set(SPENT_TICKET.FLOW_ID, flow.id())
                    .set(SPENT_TICKET.SPENT_AT, DbTime.of(now))
                    .execute();
        }
        return updated == 1;
    }

    /** Gives a held flow its public ticket back (see {@code FlowSteps.release}); the spent mark goes with it. */
    void release(DSLContext tx, String flowId, String heldTicketHash, String publicTicketHash) {
        int updated = tx.update(RESET_FLOW).set(RESET_FLOW.TICKET_HASH, publicTicketHash)
                .where(RESET_FLOW.ID.eq(flowId)).and(RESET_FLOW.TICKET_HASH.eq(heldTicketHash)).execute();
        if (updated == 1) {
            tx.deleteFrom(SPENT_TICKET).where(SPENT_TICKET.TICKET_HASH.eq(publicTicketHash)).execute();
        }
    }

    void abandon(DSLContext tx, String flowId, Instant now) {
        tx.update(RESET_FLOW).set(RESET_FLOW.ABANDONED_AT, DbTime.of(now)).set(RESET_FLOW.ENDED_BY, "ABANDONED")
                .where(RESET_FLOW.ID.eq(flowId)).and(RESET_FLOW.ABANDONED_AT.isNull()).execute();
    }

    /** A finished reset ends every other open flow of that user: their tickets stop working. */
    int abandonOtherFlowsOf(DSLContext tx, String userId, String exceptFlowId, Instant now) {
        return tx.update(RESET_FLOW).set(RESET_FLOW.ABANDONED_AT, DbTime.of(now)).set(RESET_FLOW.ENDED_BY, SUPERSEDED)
                .where(RESET_FLOW.USER_ID.eq(userId))
                .and(RESET_FLOW.ID.ne(exceptFlowId))
                .and(RESET_FLOW.ABANDONED_AT.isNull())
                .and(RESET_FLOW.COMPLETION.isNull())
                .execute();
    }

    /** A helpdesk reset ends every open flow of the user; answers how many. */
    int abandonAllFlowsOf(DSLContext tx, String userId, Instant now) {
        return tx.update(RESET_FLOW).set(RESET_FLOW.ABANDONED_AT, DbTime.of(now)).set(RESET_FLOW.ENDED_BY, SUPERSEDED)
                .where(RESET_FLOW.USER_ID.eq(userId))
                .and(RESET_FLOW.ABANDONED_AT.isNull())
                .and(RESET_FLOW.COMPLETION.isNull())
                .execute();
    }

    private static FlowRecord map(ResetFlowRecord r) {
        return new FlowRecord(r.getId(), FlowIntent.valueOf(r.getIntent()), r.getKioskId(), r.getClientAddress(),
                r.getLocale(), r.getEnteredUser(), r.getUserId(), r.getOutcome(), r.getGatesRequired(),
                FlowRecord.methodsOf(r.getMethods()), r.getOnPremises(), r.getTwoGateAdmin(),
                FlowRecord.methodsOf(r.getPassedGates()),
                r.getPendingMethod() == null ? null : org.opensspr.methods.AuthMethod.valueOf(r.getPendingMethod()),
                r.getQuestions() == null || r.getQuestions().isBlank() ? List.of() : Arrays.asList(r.getQuestions().split(",")),
                r.getCompletion() == null ? null : FlowCompletion.valueOf(r.getCompletion()),
                r.getStepNumber(), r.getStartedAt().toInstant(),
                r.getAbandonedAt() == null ? null : r.getAbandonedAt().toInstant(),
                SUPERSEDED.equals(r.getEndedBy()));
    }
}
