package org.opensspr.server.captcha;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The image itself, without a database. Samples land in target/captcha-samples/ for a person to look at. */
class CaptchaRendererTest {
    private final CaptchaRenderer renderer = new CaptchaRenderer();

    @Test
    void everyCharacterOfTheAlphabetHasAGlyphInsideItsGrid() {
        for (char c : CaptchaGlyphs.ALPHABET.toCharArray()) {
            var bounds = CaptchaGlyphs.path(c).getBounds2D();
            assertThat(bounds.getMinX()).as("%s", c).isGreaterThanOrEqualTo(0);
            assertThat(bounds.getMaxX()).as("%s", c).isLessThanOrEqualTo(CaptchaGlyphs.WIDTH);
            assertThat(bounds.getMinY()).as("%s", c).isGreaterThanOrEqualTo(0);
            assertThat(bounds.getMaxY()).as("%s", c).isLessThanOrEqualTo(CaptchaGlyphs.HEIGHT);
        }
        assertThat(CaptchaGlyphs.ALPHABET).doesNotContainPattern("[0OQD1IL2Z5S68BUV]");
    }

    @Test
    void rendersEveryCharacterAsADecodablePngThatNeverRepeats() throws IOException {
        SplittableRandom random = new SplittableRandom(2026);
        Path samples = Files.createDirectories(Path.of("target", "captcha-samples"));
        Set<String> images = new HashSet<>();
        String alphabet = CaptchaGlyphs.ALPHABET;
        for (int from = 0; from < alphabet.length(); from += 6) {
            String text = (alphabet + alphabet).substring(from, from + 6);
            byte[] png = renderer.renderPng(text, random);

            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            assertThat(image.getWidth()).isEqualTo(CaptchaRenderer.WIDTH);
            assertThat(image.getHeight()).isEqualTo(CaptchaRenderer.HEIGHT);
            assertThat(images.add(Base64.getEncoder().encodeToString(png))).isTrue();
            Files.write(samples.resolve(text + ".png"), png);
        }
        for (int i = 0; i < 4; i++) {
            StringBuilder text = new StringBuilder();
            random.ints(6, 0, alphabet.length()).forEach(k -> text.append(alphabet.charAt(k)));
            Files.write(samples.resolve("random-" + text + ".png"), renderer.renderPng(text.toString(), random));
        }
        byte[] again = renderer.renderPng("ACEFGH", random);
        byte[] same = renderer.renderPng("ACEFGH", random);
        assertThat(again).isNotEqualTo(same);
    }

    @Test
    void theGlyphsAreDarkAgainstALightBackground() throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(
                renderer.renderPng("HKMNWX", new SplittableRandom(7))));
        int dark = 0;
        int light = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int luma = (((rgb >> 16) & 0xFF) * 299 + ((rgb >> 8) & 0xFF) * 587 + (rgb & 0xFF) * 114) / 1000;
                dark += luma < 100 ? 1 : 0;
                light += luma > 180 ? 1 : 0;
            }
        }
        int pixels = image.getWidth() * image.getHeight();
        assertThat(dark).as("ink").isBetween(pixels / 20, pixels / 3);
        assertThat(light).as("paper").isGreaterThan(pixels / 2);
    }
}
