package org.opensspr.server.captcha;

import java.awt.geom.Path2D;
import java.util.Map;

/**
 * The captcha's own stroke font: each character is a few polylines on a 4 × 6 grid (x right, y down).
 * Drawing strokes instead of a system font keeps the captcha working on servers without any font
 * installed, and looks the same on every machine. The alphabet leaves out the characters people mix
 * up (0 O Q D, 1 I L, 2 Z, 5 S, 6, 8 B, U V), so whatever a person reads is what the captcha meant.
 */
final class CaptchaGlyphs {
    /** Every character a captcha may show. */
    static final String ALPHABET = "ACEFGHJKMNPRTWXY3479";
    static final float WIDTH = 4;
    static final float HEIGHT = 6;

    private static final Map<Character, String> STROKES = Map.ofEntries(
            Map.entry('A', "0,6 2,0 4,6|0.8,3.7 3.2,3.7"),
            Map.entry('C', "4,1 3,0 1,0 0,1 0,5 1,6 3,6 4,5"),
            Map.entry('E', "4,0 0,0 0,6 4,6|0,3 3,3"),
            Map.entry('F', "4,0 0,0 0,6|0,3 3,3"),
            Map.entry('G', "4,1 3,0 1,0 0,1 0,5 1,6 3,6 4,5 4,3.4 2.2,3.4"),
            Map.entry('H', "0,0 0,6|4,0 4,6|0,3 4,3"),
            Map.entry('J', "1.5,0 4,0 4,5 3,6 1,6 0,4.8"),
            Map.entry('K', "0,0 0,6|4,0 0,3.8|1.4,2.7 4,6"),
            Map.entry('M', "0,6 0,0 2,3.6 4,0 4,6"),
            Map.entry('N', "0,6 0,0 4,6 4,0"),
            Map.entry('P', "0,6 0,0 3,0 4,1 4,2.4 3,3.4 0,3.4"),
            Map.entry('R', "0,6 0,0 3,0 4,1 4,2.4 3,3.4 0,3.4|2,3.4 4,6"),
            Map.entry('T', "0,0 4,0|2,0 2,6"),
            Map.entry('W', "0,0 0.9,6 2,2.2 3.1,6 4,0"),
            Map.entry('X', "0,0 4,6|4,0 0,6"),
            Map.entry('Y', "0,0 2,3 4,0|2,3 2,6"),
            Map.entry('3', "0,1 1,0 3,0 4,1 4,2 3,3 1.4,3|3,3 4,4 4,5 3,6 1,6 0,5"),
            Map.entry('4', "3,6 3,0 0,4.2 4,4.2"),
            Map.entry('7', "0,0 4,0 1.4,6"),
            Map.entry('9', "4,3 1,3 0,2 0,1 1,0 3,0 4,1 4,5 3,6 1,6 0,5"));

    private CaptchaGlyphs() {
    }

    /** The outline of {@code character} in grid units, ready to be transformed and stroked. */
    static Path2D.Float path(char character) {
        String strokes = STROKES.get(character);
        if (strokes == null) {
            throw new IllegalArgumentException("No captcha glyph for this character");
        }
        Path2D.Float path = new Path2D.Float();
        for (String polyline : strokes.split("\\|")) {
            String[] points = polyline.split(" ");
            for (int i = 0; i < points.length; i++) {
                String[] xy = points[i].split(",");
                float x = Float.parseFloat(xy[0]);
                float y = Float.parseFloat(xy[1]);
                if (i == 0) {
                    path.moveTo(x, y);
                } else {
                    path.lineTo(x, y);
                }
            }
        }
        return path;
    }
}
