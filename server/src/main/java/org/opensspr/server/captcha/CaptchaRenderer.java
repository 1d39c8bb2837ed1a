package org.opensspr.server.captcha;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.CubicCurve2D;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.random.RandomGenerator;

/**
 * Draws a captcha text as a PNG with Java2D only (no fonts, no display): each character from
 * {@link CaptchaGlyphs}, scaled, rotated and shifted on its own; light noise behind, thin curves and
 * dots across; then the whole picture bent by two sine waves, so the characters share no baseline
 * or shape a template could match. Stateless; the randomness comes from the caller.
 */
final class CaptchaRenderer {
    static final int WIDTH = 200;
    static final int HEIGHT = 70;

    private static final float GLYPH_STROKE = 3.4f;
    private static final double CELL = (WIDTH - 24.0) / 6;
    /** The JDK's PNG writer takes quality q as deflate level 9 − round(9q): this is level 1. */
    private static final float FAST_DEFLATE = 0.85f;

    byte[] renderPng(String text, RandomGenerator random) {
        BufferedImage drawn = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = drawn.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            background(g, random);
            for (int i = 0; i < text.length(); i++) {
                glyph(g, text.charAt(i), i, text.length(), random);
            }
            foregroundNoise(g, random);
        } finally {
            g.dispose();
        }
        return png(wave(drawn, random));
    }

    private static void background(Graphics2D g, RandomGenerator random) {
        g.setPaint(new GradientPaint(0, 0, light(random), WIDTH, HEIGHT, light(random)));
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setStroke(new BasicStroke(1f));
        for (int i = 0; i < 14; i++) {
            g.setColor(mid(random, 90));
            g.drawLine(random.nextInt(WIDTH), random.nextInt(HEIGHT), random.nextInt(WIDTH), random.nextInt(HEIGHT));
        }
    }

    private static void glyph(Graphics2D g, char character, int index, int count, RandomGenerator random) {
        double scale = random.nextDouble(5.2, 6.0);
        double angle = random.nextDouble(-0.3, 0.3);
        double start = (WIDTH - CELL * count) / 2;
        double centerX = start + CELL * (index + 0.5) + random.nextDouble(-3, 3);
        double centerY = HEIGHT / 2.0 + random.nextDouble(-4, 4);
        AffineTransform place = new AffineTransform();
        place.translate(centerX, centerY);
        place.rotate(angle);
        place.shear(random.nextDouble(-0.2, 0.2), 0);
        // Narrower than tall, so neighbours touch at most: overlapping glyphs defeat people, not bots.
        place.scale(scale * random.nextDouble(0.72, 0.88), scale);
        place.translate(-CaptchaGlyphs.WIDTH / 2, -CaptchaGlyphs.HEIGHT / 2);
        Shape outline = place.createTransformedShape(CaptchaGlyphs.path(character));
        g.setColor(dark(random));
        g.setStroke(new BasicStroke(GLYPH_STROKE + (float) random.nextDouble(-0.4, 0.6),
                BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(outline);
    }

    /** Curves thinner than the glyph strokes (a person sees through them; a segmenter trips on them). */
    private static void foregroundNoise(Graphics2D g, RandomGenerator random) {
        for (int i = 0; i < 2; i++) {
            g.setColor(mid(random, 220).darker());
            g.setStroke(new BasicStroke((float) random.nextDouble(1.0, 1.5), BasicStroke.CAP_ROUND,
                    BasicStroke.JOIN_ROUND));
            g.draw(new CubicCurve2D.Double(-5, random.nextDouble(HEIGHT), random.nextDouble(WIDTH),
                    random.nextDouble(HEIGHT), random.nextDouble(WIDTH), random.nextDouble(HEIGHT),
                    WIDTH + 5, random.nextDouble(HEIGHT)));
        }
        for (int i = 0; i < 160; i++) {
            g.setColor(random.nextBoolean() ? dark(random) : mid(random, 255));
            double size = random.nextDouble(1.0, 2.6);
            g.fill(new Ellipse2D.Double(random.nextDouble(WIDTH), random.nextDouble(HEIGHT), size, size));
        }
    }

    /**
     * Moves every pixel along two sine waves (x by y, y by x), sampling bilinearly so edges stay smooth. Works on
     * the pixel arrays with each wave's offsets worked out once per row and column, not per pixel.
     */
    private static BufferedImage wave(BufferedImage source, RandomGenerator random) {
        double amplitudeX = random.nextDouble(2.0, 3.5);
        double amplitudeY = random.nextDouble(3.0, 5.0);
        double periodX = random.nextDouble(30, 50);
        double periodY = random.nextDouble(60, 110);
        double phaseX = random.nextDouble(2 * Math.PI);
        double phaseY = random.nextDouble(2 * Math.PI);
        double[] shiftByRow = new double[HEIGHT];
        for (int y = 0; y < HEIGHT; y++) {
            shiftByRow[y] = amplitudeX * Math.sin(2 * Math.PI * y / periodX + phaseX);
        }
        double[] shiftByColumn = new double[WIDTH];
        for (int x = 0; x < WIDTH; x++) {
            shiftByColumn[x] = amplitudeY * Math.sin(2 * Math.PI * x / periodY + phaseY);
        }
        int[] from = pixels(source);
        BufferedImage bent = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        int[] to = pixels(bent);
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                to[y * WIDTH + x] = sample(from, x + shiftByRow[y], y + shiftByColumn[x]);
            }
        }
        return bent;
    }

    /** The image's own pixel array (TYPE_INT_RGB, WIDTH × HEIGHT, row by row). */
    private static int[] pixels(BufferedImage image) {
        return ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    }

    private static int sample(int[] pixels, double x, double y) {
        double cx = Math.clamp(x, 0, WIDTH - 1.001);
        double cy = Math.clamp(y, 0, HEIGHT - 1.001);
        int x0 = (int) cx;
        int y0 = (int) cy;
        double fx = cx - x0;
        double fy = cy - y0;
        int at = y0 * WIDTH + x0;
        int a = pixels[at];
        int b = pixels[at + 1];
        int c = pixels[at + WIDTH];
        int d = pixels[at + WIDTH + 1];
        int rgb = 0;
        for (int shift = 0; shift <= 16; shift += 8) {
            double top = channel(a, shift) * (1 - fx) + channel(b, shift) * fx;
            double bottom = channel(c, shift) * (1 - fx) + channel(d, shift) * fx;
            rgb |= ((int) Math.round(top * (1 - fy) + bottom * fy)) << shift;
        }
        return rgb;
    }

    private static int channel(int rgb, int shift) {
        return (rgb >>> shift) & 0xFF;
    }

    private static Color light(RandomGenerator random) {
        return new Color(random.nextInt(215, 256), random.nextInt(215, 256), random.nextInt(215, 256));
    }

    private static Color dark(RandomGenerator random) {
        return new Color(random.nextInt(0, 80), random.nextInt(0, 80), random.nextInt(0, 100));
    }

    private static Color mid(RandomGenerator random, int alpha) {
        return new Color(random.nextInt(110, 190), random.nextInt(110, 190), random.nextInt(110, 190), alpha);
    }

    /**
     * PNG bytes, written in memory (ImageIO's default goes through a temporary file) at deflate level 1 rather than
     * the writer's 4: the noise leaves little to compress either way.
     */
    private static byte[] png(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            ImageWriteParam fast = writer.getDefaultWriteParam();
            fast.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            fast.setCompressionQuality(FAST_DEFLATE);
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), fast);
        } catch (IOException e) {
            throw new UncheckedIOException("Writing a PNG to memory failed", e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
