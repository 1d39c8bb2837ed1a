package org.opensspr.kiosk.tour;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Codes the demo server "sent": it writes every email as an .eml file into {@code <data>/outbox}. */
final class DemoOutbox {
    private static final Pattern CODE = Pattern.compile("\\b(\\d{8})\\b");
    private final Path directory;

    DemoOutbox(Path dataDirectory) {
        this.directory = dataDirectory.resolve("outbox");
    }

    /** The newest code emailed to {@code address}, waiting up to 10 s for the file. */
    String latestCode(String address) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            for (Path file : newestFirst()) {
                try (InputStream in = Files.newInputStream(file)) {
                    MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), in);
                    if (message.getAllRecipients()[0].toString().contains(address)) {
                        Matcher code = CODE.matcher(GreenMailUtil.getBody(message));
                        if (code.find()) {
                            return code.group(1);
                        }
                    }
                } catch (MessagingException e) {
                    throw new IOException(e);
                }
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("No code for " + address + " in " + directory);
    }

    private List<Path> newestFirst() throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.toString().endsWith(".eml"))
                    .sorted(Comparator.comparingLong(DemoOutbox::id).reversed()).toList();
        }
    }

    private static long id(Path file) {
        String name = file.getFileName().toString();
        return Long.parseLong(name.substring(0, name.indexOf('-')));
    }
}
