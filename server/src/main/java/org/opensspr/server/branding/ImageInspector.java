package org.opensspr.server.branding;

import org.opensspr.api.ErrorCode;
import org.opensspr.server.http.ApiException;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Proves that uploaded bytes are a whole PNG or JPEG image of the declared type and of a sane size,
 * by decoding them with ImageIO. The size is read from the header before any pixel is decoded, and
 * the pixels are decoded subsampled, so a small file that claims a huge picture can't exhaust memory.
 */
final class ImageInspector {
    static final int MAX_EDGE = 8000;
    /** The decoded proof is at most about this many pixels on its long side. */
    private static final int PROOF_EDGE = 512;
    private static final Map<String, byte[]> SIGNATURES = Map.of(
            "image/png", new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'},
            "image/jpeg", new byte[]{(byte) 0xff, (byte) 0xd8, (byte) 0xff});

    record Dimensions(int width, int height) {
    }

    private ImageInspector() {
    }

    static boolean supports(String mediaType) {
        return SIGNATURES.containsKey(mediaType);
    }

    /** @throws ApiException INVALID_VALUE naming what is wrong, for anything but a sound image of {@code mediaType} */
    static Dimensions inspect(byte[] bytes, String mediaType) {
        String kind = mediaType.equals("image/png") ? "PNG" : "JPEG";
        if (bytes.length == 0) {
            throw invalid("The body is empty; send the image's bytes.");
        }
        if (!startsWith(bytes, SIGNATURES.get(mediaType))) {
            throw invalid("The body is not a " + kind + " image (Content-Type says " + mediaType + ").");
        }
        Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(mediaType);
        if (!readers.hasNext()) {
            throw new IllegalStateException("This Java runtime can't read " + mediaType);
        }
        ImageReader reader = readers.next();
        List<String> warnings = new ArrayList<>();
        reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if (width < 1 || height < 1 || width > MAX_EDGE || height > MAX_EDGE) {
                throw invalid("The image is " + width + "×" + height + " pixels; at most " + MAX_EDGE + "×"
                        + MAX_EDGE + " are allowed.");
            }
            ImageReadParam param = reader.getDefaultReadParam();
            int step = Math.max(1, Math.max(width, height) / PROOF_EDGE);
            param.setSourceSubsampling(step, step, 0, 0);
            // A damaged JPEG decodes with a warning (grey where data is missing): refuse it like an error.
            if (reader.read(0, param) == null || !warnings.isEmpty()) {
                throw damaged(kind);
            }
            return new Dimensions(width, height);
        } catch (ApiException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw damaged(kind);
        } finally {
            reader.dispose();
        }
    }

    private static ApiException damaged(String kind) {
        return invalid("The " + kind + " image is damaged or uses a variant the server can't read.");
    }

    private static ApiException invalid(String message) {
        return ApiException.field(ErrorCode.INVALID_VALUE, "image", message);
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
