package org.opensspr.password;

/** The five kinds of character Active Directory's complexity rule counts ("3 of 5"). */
public enum AdCharacterCategory {
    /** Upper-case letters of any script with case (A–Z, É, Σ, Ж, …). */
    UPPER_CASE,
    /** Lower-case letters of any script with case. */
    LOWER_CASE,
    /** 0–9. */
    DIGIT,
    /** AD's listed symbols {@code ~!@#$%^&*_-+=`|\(){}[]:;"'<>,.?/}. */
    SPECIAL,
    /** Letters without case, e.g. Chinese or Japanese characters. */
    OTHER_LETTER
}
