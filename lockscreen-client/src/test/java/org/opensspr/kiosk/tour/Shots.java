package org.opensspr.kiosk.tour;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

/** Writes what a scene shows as a PNG, named in the order the steps come. */
final class Shots {
    private final Path directory;
    private int number;

    Shots(Path directory) throws IOException {
        this.directory = Files.createDirectories(directory);
    }

    void take(FxRobot fx, Scene scene, String name) {
        WaitForAsyncUtils.waitForFxEvents();
        AtomicReference<WritableImage> image = new AtomicReference<>();
        // A caret or a focus ring mid-animation is fine; a half-laid-out screen is not.
        WaitForAsyncUtils.sleep(300, java.util.concurrent.TimeUnit.MILLISECONDS);
        fx.interact(() -> image.set(scene.snapshot(null)));
        BufferedImage picture = SwingFXUtils.fromFXImage(image.get(), null);
        BufferedImage rgb = new BufferedImage(picture.getWidth(), picture.getHeight(), BufferedImage.TYPE_INT_RGB);
        rgb.getGraphics().drawImage(picture, 0, 0, null);
        number++;
        Path file = directory.resolve(String.format("%02d-%s.png", number, name));
        try {
            ImageIO.write(rgb, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("screenshot " + file);
    }
}
