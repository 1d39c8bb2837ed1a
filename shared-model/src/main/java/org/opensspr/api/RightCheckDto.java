package org.opensspr.api;

/**
 * One right the service account needs on users, as a connection test found it.
 *
 * @param right a {@link Right}
 * @param state a {@link State}
 */
public record RightCheckDto(@ValuesOf(Right.class) String right, @ValuesOf(State.class) String state) {

    /** The rights writeback uses: the first three in Active Directory, the last three in OpenLDAP. */
    public enum Right {
        RESET_PASSWORD, WRITE_LOCKOUT_TIME, WRITE_PWD_LAST_SET, WRITE_PASSWORD, WRITE_LOCK_TIME, WRITE_PWD_RESET
    }

    /** NOT_CHECKABLE: the directory doesn't tell without a write, and a test writes nothing. */
    public enum State {
        GRANTED, MISSING, NOT_CHECKABLE
    }

    public RightCheckDto(Right right, State state) {
        this(right.name(), state.name());
    }
}
