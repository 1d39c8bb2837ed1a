package org.opensspr.console.support;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** PNG pictures of a scene, to look at what a test drove (no javafx-swing needed: pixels are copied by hand). */
public final class Snapshots {
    private Snapshots() {
    }

    public static void write(Scene scene, Path file) {
        CompletableFuture<WritableImage> shot = new CompletableFuture<>();
        Platform.runLater(() -> shot.complete(scene.snapshot(null)));
        write(shot, file);
    }

    /** {@code node} whole, however much of it a scroll pane shows (for a view taller than the window). */
    public static void write(javafx.scene.Node node, Path file) {
        CompletableFuture<WritableImage> shot = new CompletableFuture<>();
        Platform.runLater(() -> shot.complete(node.snapshot(null, null)));
        write(shot, file);
    }

    private static void write(CompletableFuture<WritableImage> shot, Path file) {
        try {
            WritableImage image = shot.get();
            int width = (int) image.getWidth();
            int height = (int) image.getHeight();
            BufferedImage png = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
            PixelReader pixels = image.getPixelReader();
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    png.setRGB(x, y, pixels.getArgb(x, y));
                }
            }
            Files.createDirectories(file.getParent());
            ImageIO.write(png, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }
}
