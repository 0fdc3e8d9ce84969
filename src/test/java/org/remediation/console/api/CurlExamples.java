package org.remediation.console.api;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.remediation.console.support.ApiCalls;

/**
 * The curl examples of a Markdown document, each marked {@code <!-- example: name -->} before its code
 * block, run as written: method, path, headers and body come from the document's own text (shell
 * variables substituted), so a test of them proves the documentation, not a copy of it.
 */
final class CurlExamples {

    private static final Pattern EXAMPLE = Pattern.compile("<!-- example: ([\\w-]+) -->\\s*```\\w*\\n(.*?)```", Pattern.DOTALL);

    /** One curl call as the document writes it. */
    record Curl(String method, String url, List<String> headers, @Nullable String body) {
    }

    private final Map<String, String> examples = new LinkedHashMap<>();
    private final Set<String> run = new LinkedHashSet<>();

    CurlExamples(Path document) throws IOException {
        Matcher m = EXAMPLE.matcher(Files.readString(document));
        while (m.find()) {
            examples.put(m.group(1), m.group(2).replace("\\\n", " "));
        }
    }

    Set<String> names() {
        return examples.keySet();
    }

    Set<String> run() {
        return run;
    }

    /** Runs the named example with these shell variables ({@code CONSOLE} is dropped: paths go to {@code api}). */
    HttpResponse<String> send(ApiCalls api, String name, Map<String, String> vars) throws IOException, InterruptedException {
        Curl curl = parse(name, vars);
        List<String> headers = new ArrayList<>();
        for (String h : curl.headers()) {
            int colon = h.indexOf(':');
            headers.add(h.substring(0, colon).trim());
            headers.add(h.substring(colon + 1).trim());
        }
        run.add(name);
        return api.send(curl.method(), curl.url(), null, null, curl.body(), headers.toArray(String[]::new));
    }

    Curl parse(String name, Map<String, String> vars) {
        String text = examples.get(name);
        if (text == null) {
            throw new IllegalArgumentException("no example '" + name + "' in the document");
        }
        List<String> words = words(text.substring(text.indexOf("curl ") + 5), vars);
        String method = null;
        String url = null;
        String body = null;
        List<String> headers = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            switch (w) {
                case "-X" -> method = words.get(++i);
                case "-H" -> headers.add(words.get(++i));
                case "-d", "--data" -> body = words.get(++i);
                default -> {
                    if (w.startsWith("-")) {
                        continue; // -s, -i, -sS: output options only
                    }
                    url = w;
                }
            }
        }
        if (url == null) {
            throw new IllegalArgumentException("example '" + name + "' has no URL");
        }
        return new Curl(method != null ? method : body != null ? "POST" : "GET", url, headers, body);
    }

    /** Shell words up to an unquoted | ; or ), with $VAR expanded outside single quotes. */
    private static List<String> words(String text, Map<String, String> vars) {
        List<String> words = new ArrayList<>();
        StringBuilder current = null;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote == 0 && (c == '|' || c == ';' || c == ')' || c == '\n')) {
                break;
            }
            if (quote == 0 && Character.isWhitespace(c)) {
                if (current != null) {
                    words.add(current.toString());
                    current = null;
                }
                continue;
            }
            if (current == null) {
                current = new StringBuilder();
            }
            if (c == quote) {
                quote = 0;
            } else if (quote == 0 && (c == '\'' || c == '"')) {
                quote = c;
            } else if (c == '$' && quote != '\'') {
                int end = i + 1;
                while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
                    end++;
                }
                String var = text.substring(i + 1, end);
                if (!vars.containsKey(var)) {
                    throw new IllegalArgumentException("the example uses $" + var + ", which the test does not set");
                }
                current.append(vars.get(var));
                i = end - 1;
            } else {
                current.append(c);
            }
        }
        if (current != null) {
            words.add(current.toString());
        }
        return words;
    }
}
