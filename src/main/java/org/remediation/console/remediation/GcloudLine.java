package org.remediation.console.remediation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.remediation.console.cloud.ResourceRef;

/**
 * The one way actions write their equivalent gcloud command: command group words, the positional
 * resource name, location, flags, and {@code --project} last (added by {@link #render}, so no line can
 * miss it). List and dictionary flag values that contain a comma use gcloud's own delimiter override
 * ({@code ^:^a=1,2:b=3}, see {@code gcloud topic escaping},
 * https://cloud.google.com/sdk/gcloud/reference/topic/escaping); any word a POSIX shell would split or
 * expand is single-quoted.
 */
public final class GcloudLine {

    /** Characters a POSIX shell passes through unchanged in a bare word. */
    private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_./:=,@%+-]+");
    /** Alternate delimiters tried in order; '=' never, as it separates a dictionary's keys from values. */
    private static final List<String> DELIMITERS = List.of(":", ";", "|", "~", "#", "!", "::", ";;");

    private final List<String> words = new ArrayList<>();
    /** A command to run after this one succeeds ({@code &&}), e.g. moving traffic after an update. */
    private @Nullable GcloudLine next;

    private GcloudLine(String... command) {
        words.add("gcloud");
        words.addAll(List.of(command));
    }

    /** Starts a command, e.g. {@code command("sql", "instances", "patch")}. */
    public static GcloudLine command(String... words) {
        return new GcloudLine(words);
    }

    /** The positional argument (the resource's short name). */
    public GcloudLine name(String positional) {
        words.add(shellQuote(positional));
        return this;
    }

    /** {@code --global} for global resources, {@code --region=R} otherwise. */
    public GcloudLine location(ResourceRef ref) {
        return ref.location().equals("global") ? bare("--global") : flag("--region", ref.location());
    }

    /** A flag without a value, e.g. {@code --to-latest}. */
    public GcloudLine bare(String flag) {
        words.add(flag);
        return this;
    }

    /** A scalar flag; the value is shell-quoted when needed. */
    public GcloudLine flag(String flag, String value) {
        words.add(flag + "=" + shellQuote(value));
        return this;
    }

    /** A list-type flag: items joined by ',' or, when an item holds a comma, by an alternate delimiter. */
    public GcloudLine list(String flag, List<String> items) {
        return flag(flag, joined(items));
    }

    /**
     * A dictionary-type flag: {@code key=value} items; a null value writes {@code key=} (how gcloud
     * sets a Cloud SQL flag that takes no value).
     */
    public GcloudLine dict(String flag, Map<String, @Nullable String> entries) {
        List<String> items = new ArrayList<>();
        entries.forEach((k, v) -> items.add(k + "=" + (v == null ? "" : v)));
        return flag(flag, joined(items));
    }

    /** Runs {@code then} after this command succeeds; returns this line. */
    public GcloudLine andThen(GcloudLine then) {
        if (next == null) {
            next = then;
        } else {
            next.andThen(then);
        }
        return this;
    }

    /** The finished line, ending with {@code --project=PROJECT} (each command of it). */
    public String render(String project) {
        if (project.isBlank()) {
            throw new IllegalArgumentException("a gcloud line needs the project");
        }
        List<String> all = new ArrayList<>(words);
        all.add("--project=" + shellQuote(project));
        return String.join(" ", all) + (next == null ? "" : " && " + next.render(project));
    }

    static String joined(List<String> items) {
        if (items.stream().noneMatch(i -> i.contains(","))) {
            return String.join(",", items);
        }
        for (String d : DELIMITERS) {
            if (items.stream().noneMatch(i -> i.contains(d))) {
                return "^" + d + "^" + String.join(d, items);
            }
        }
        throw new IllegalArgumentException("no gcloud delimiter fits the values " + items);
    }

    static String shellQuote(String word) {
        if (!word.isEmpty() && SHELL_SAFE.matcher(word).matches()) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
