package cn.hemeigrid.hostile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One case of the hostile request corpus (src/test/resources/hostile/requests.http).
 *
 * @param expected "4xx" or an exact status such as "413"
 * @param headers  name and value pairs, in order
 * @param body     null for a request without a body
 */
record HostileRequest(String name, String expected, String method, String path, List<String> headers, String body) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)(?::([^:}]*))?(?::(\\d+))?}}");

    @Override
    public String toString() {
        return expected + " " + name;
    }

    boolean accepts(int status) {
        return expected.equals("4xx") ? status >= 400 && status < 500 : expected.equals(String.valueOf(status));
    }

    /** Reads the corpus, expanding placeholders with the given values and the generators of the file header. */
    static List<HostileRequest> readCorpus(String resource, Map<String, String> values) {
        List<HostileRequest> cases = new ArrayList<>();
        String[] blocks = read(resource).split("(?m)^### ");
        for (int i = 1; i < blocks.length; i++) {
            cases.add(parse(blocks[i], placeholder -> expand(placeholder, values)));
        }
        return cases;
    }

    private static HostileRequest parse(String block, Function<MatchResult, String> expander) {
        String[] lines = block.split("\n", -1);
        String[] title = lines[0].strip().split(" ", 2);
        String[] requestLine = lines[1].strip().split(" ", 2);
        List<String> headers = new ArrayList<>();
        int line = 2;
        while (line < lines.length && !lines[line].isBlank()) {
            String[] header = lines[line].split(":", 2);
            headers.add(header[0].strip());
            headers.add(fill(header[1].strip(), expander));
            line++;
        }
        StringBuilder body = new StringBuilder();
        for (int bodyLine = line + 1; bodyLine < lines.length; bodyLine++) {
            body.append(lines[bodyLine]).append('\n');
        }
        String text = body.toString().stripTrailing();
        return new HostileRequest(title[1], title[0], requestLine[0], fill(requestLine[1], expander), headers,
                text.isEmpty() ? null : fill(text, expander));
    }

    private static String fill(String text, Function<MatchResult, String> expander) {
        return PLACEHOLDER.matcher(text).replaceAll(match -> Matcher.quoteReplacement(expander.apply(match)));
    }

    private static String expand(MatchResult placeholder, Map<String, String> values) {
        String name = placeholder.group(1);
        return switch (name) {
            case "repeat" -> placeholder.group(2).repeat(Integer.parseInt(placeholder.group(3)));
            case "nest" -> "[".repeat(Integer.parseInt(placeholder.group(2))) + "]".repeat(Integer.parseInt(placeholder.group(2)));
            case "nestObject" -> "{\"a\":".repeat(Integer.parseInt(placeholder.group(2))) + "1"
                    + "}".repeat(Integer.parseInt(placeholder.group(2)));
            default -> {
                String value = values.get(name);
                if (value == null) {
                    throw new IllegalArgumentException("Unknown placeholder {{" + name + "}} in the hostile corpus");
                }
                yield value;
            }
        };
    }

    private static String read(String resource) {
        try (InputStream input = HostileRequest.class.getResourceAsStream(resource)) {
            if (input == null) {
                throw new IllegalStateException("Missing test resource " + resource);
            }
            return new String(input.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
