package org.opensspr.password;

/** The one question the fuzzy step asks: are two strings at most one edit apart? */
final class EditDistance {

    private EditDistance() {
    }

    /**
     * True when {@code a} becomes {@code b} by at most one insertion, deletion or substitution
     * of a code point. Linear time, no allocation: it walks both strings once.
     */
    static boolean withinOne(String a, String b) {
        int lengthA = a.codePointCount(0, a.length());
        int lengthB = b.codePointCount(0, b.length());
        if (Math.abs(lengthA - lengthB) > 1) {
            return false;
        }
        // Walk with the longer string as "longer": a deletion from it covers insertion and deletion.
        String longer = lengthA >= lengthB ? a : b;
        String shorter = longer == a ? b : a;
        boolean sameLength = lengthA == lengthB;
        int i = 0;
        int j = 0;
        int edits = 0;
        while (i < longer.length() && j < shorter.length()) {
            int cl = longer.codePointAt(i);
            int cs = shorter.codePointAt(j);
            if (cl == cs) {
                i += Character.charCount(cl);
                j += Character.charCount(cs);
                continue;
            }
            if (++edits > 1) {
                return false;
            }
            i += Character.charCount(cl);
            if (sameLength) {
                j += Character.charCount(cs);
            }
        }
        int leftover = longer.codePointCount(i, longer.length()) + shorter.codePointCount(j, shorter.length());
        return edits + leftover <= 1;
    }
}
