package org.opensspr.password;

/** The four kinds of character Entra counts when it asks for "3 of 4". */
public enum CharacterClass {
    LOWER_CASE,
    UPPER_CASE,
    DIGIT,
    /** Any allowed symbol; the space counts as one. */
    SYMBOL
}
