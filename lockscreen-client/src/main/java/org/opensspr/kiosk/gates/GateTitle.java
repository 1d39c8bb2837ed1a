package org.opensspr.kiosk.gates;

/** "Verify your identity" for a single gate, "Verification step 1 of 2" when there are two. */
final class GateTitle {
    private GateTitle() {
    }

    static String key(int gatesRequired) {
        return gatesRequired > 1 ? "gates.title.step" : "gates.title.single";
    }

    static Object[] args(int gate, int gatesRequired) {
        return new Object[] {gate, gatesRequired};
    }
}
