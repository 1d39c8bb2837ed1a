package org.opensspr.server.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scrape in the Prometheus text exposition format (0.0.4), parsed strictly: every line is a comment
 * ({@code # HELP}, {@code # TYPE}), blank, or a sample {@code name{label="value",…} value [timestamp]} with the
 * format's escapes in label values. A line that is none of these fails the parse, so a broken exposition fails
 * the tests that read it.
 */
public final class PrometheusText {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    private static final Pattern TYPE = Pattern.compile("# TYPE (" + NAME + ") (counter|gauge|histogram|summary|untyped)");

    /** One sample: the series' name, its labels in the order written, and its value. */
    public record Sample(String name, Map<String, String> labels, double value) {
    }

    private final List<Sample> samples;
    private final Map<String, String> types;

    private PrometheusText(List<Sample> samples, Map<String, String> types) {
        this.samples = List.copyOf(samples);
        this.types = Map.copyOf(types);
    }

    public static PrometheusText parse(String text) {
        List<Sample> samples = new ArrayList<>();
        Map<String, String> types = new LinkedHashMap<>();
        int number = 0;
        for (String line : text.split("\n", -1)) {
            number++;
            if (line.isEmpty() || line.startsWith("# HELP ")) {
                continue;
            }
            if (line.startsWith("#")) {
                Matcher type = TYPE.matcher(line);
                if (!type.matches()) {
                    throw new IllegalArgumentException("Line " + number + " is no known comment: " + line);
                }
                types.put(type.group(1), type.group(2));
                continue;
            }
            samples.add(sample(line, number));
        }
        return new PrometheusText(samples, types);
    }

    private static Sample sample(String line, int number) {
        Matcher name = NAME.matcher(line);
        if (!name.lookingAt()) {
            throw new IllegalArgumentException("Line " + number + " starts with no metric name: " + line);
        }
        int at = name.end();
        Map<String, String> labels = new LinkedHashMap<>();
        if (at < line.length() && line.charAt(at) == '{') {
            at = labels(line, at + 1, labels, number);
        }
        if (at >= line.length() || line.charAt(at) != ' ') {
            throw new IllegalArgumentException("Line " + number + " has no value: " + line);
        }
        String[] rest = line.substring(at + 1).split(" ");
        if (rest.length > 2) {
            throw new IllegalArgumentException("Line " + number + " has more than a value and a timestamp: " + line);
        }
        return new Sample(name.group(), labels, value(rest[0], number));
    }

    /** Reads {@code label="value",…}} from {@code at}; answers the index after the closing brace. */
    private static int labels(String line, int at, Map<String, String> labels, int number) {
        while (true) {
            if (at < line.length() && line.charAt(at) == '}') {
                return at + 1;
            }
            Matcher label = LABEL_NAME.matcher(line).region(at, line.length());
            if (!label.lookingAt() || !line.startsWith("=\"", label.end())) {
                throw new IllegalArgumentException("Line " + number + " has a malformed label at " + at + ": " + line);
            }
            StringBuilder value = new StringBuilder();
            int i = label.end() + 2;
            for (; i < line.length() && line.charAt(i) != '"'; i++) {
                char c = line.charAt(i);
                if (c == '\\') {
                    char escaped = line.charAt(++i);
                    value.append(switch (escaped) {
                        case '\\' -> '\\';
                        case '"' -> '"';
                        case 'n' -> '\n';
                        default -> throw new IllegalArgumentException("Line " + number + " has the unknown escape \\"
                                + escaped + ": " + line);
                    });
                } else {
                    value.append(c);
                }
            }
            if (i >= line.length()) {
                throw new IllegalArgumentException("Line " + number + " has an unterminated label value: " + line);
            }
            if (labels.put(label.group(), value.toString()) != null) {
                throw new IllegalArgumentException("Line " + number + " repeats the label " + label.group());
            }
            at = i + 1;
            if (at < line.length() && line.charAt(at) == ',') {
                at++;
            }
        }
    }

    private static double value(String text, int number) {
        return switch (text) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> {
                try {
                    yield Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("Line " + number + " has the value " + text + ", no number");
                }
            }
        };
    }

    public List<Sample> samples() {
        return samples;
    }

    /** The {@code # TYPE} of a metric family, if the scrape declares one. */
    public Optional<String> type(String family) {
        return Optional.ofNullable(types.get(family));
    }

    /** The value of the one series with exactly these labels; fails if there is none. */
    public double value(String name, Map<String, String> labels) {
        return find(name, labels).orElseThrow(() -> new AssertionError("No series " + name + labels + " in the scrape"));
    }

    public Optional<Double> find(String name, Map<String, String> labels) {
        return samples.stream().filter(s -> s.name().equals(name) && s.labels().equals(labels))
                .map(Sample::value).findFirst();
    }

    /** The sum over every series of {@code name} whose labels include {@code selected}. */
    public double sum(String name, Map<String, String> selected) {
        return samples.stream()
                .filter(s -> s.name().equals(name) && s.labels().entrySet().containsAll(selected.entrySet()))
                .mapToDouble(Sample::value).sum();
    }
}
