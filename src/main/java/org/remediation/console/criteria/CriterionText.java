package org.remediation.console.criteria;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.remediation.console.criteria.Tokens.Token;
import org.remediation.console.criteria.Tokens.Type;

/**
 * Parses and formats the compact criterion text used in runbook YAML and shown to people, e.g.
 * {@code backend-health p95 < 1000 ms over 15m min 10}. The grammar is documented in
 * {@code docs/criteria.md}; {@link #format} produces canonical text that parses back to an equal spec.
 */
public final class CriterionText {

    private static final String STATISTICS = "a statistic (success-rate, availability, p50, p95, p99, max, up, up-for)"
            + " or a measured attribute";
    private static final String COMPARATOR = "a comparator (<, <=, =, >=, >)";
    private static final Set<String> RESERVED = Set.of("over", "min", "all", "any", "up", "up-for", "group",
            "golden-path", "manual");

    private CriterionText() {
    }

    public static CriterionSpec parse(String text) {
        String trimmed = text.strip();
        if (trimmed.regionMatches(true, 0, "manual", 0, 6)
                && (trimmed.length() == 6 || trimmed.charAt(6) == ':' || Character.isWhitespace(trimmed.charAt(6)))) {
            String description = trimmed.substring(6).replaceFirst("^\\s*:?\\s*", "").strip();
            if (description.isEmpty()) {
                throw new TextSyntaxException(text.length() + 1, "a description after 'manual:'", "the end of the text");
            }
            return new ManualCriterion(description);
        }
        return new Parser(new Tokens(text)).criterion();
    }

    public static String format(CriterionSpec spec) {
        return switch (spec) {
            case ManualCriterion m -> "manual: " + m.description();
            case MeasuredCriterion c -> formatMeasured(c);
        };
    }

    private static String formatMeasured(MeasuredCriterion c) {
        StringBuilder b = new StringBuilder();
        Subject s = c.subject();
        switch (s.kind()) {
            case TARGET -> b.append(s.name());
            case GROUP -> b.append("group ").append(s.name()).append(' ').append(s.quantifier().name().toLowerCase());
            case GOLDEN_PATH -> b.append("golden-path ").append(s.quantifier().name().toLowerCase());
        }
        if (c.measurement() != null) {
            b.append(' ').append(c.measurement());
        }
        switch (c.statistic()) {
            case UP -> b.append(" up");
            case UP_FOR -> b.append(" up-for ").append(c.thresholdText());
            case ATTRIBUTE -> {
                b.append(' ').append(c.attribute()).append(' ').append(c.thresholdText());
                if (!c.window().isZero()) {
                    b.append(" over ").append(Tokens.formatDuration(c.window()));
                }
            }
            default -> {
                b.append(' ').append(c.statistic().word()).append(' ').append(c.thresholdText())
                        .append(" over ").append(Tokens.formatDuration(c.window()));
                if (c.minSamples() > 1) {
                    b.append(" min ").append(c.minSamples());
                }
            }
        }
        return b.toString();
    }

    private static final class Parser {
        private final Tokens in;

        Parser(Tokens in) {
            this.in = in;
        }

        MeasuredCriterion criterion() {
            Subject subject = subject();
            Token t = in.word(STATISTICS);
            if (t.is("up")) {
                in.end();
                return new MeasuredCriterion(subject, null, Statistic.UP, null, Comparison.EQ,
                        Threshold.word("UP"), Duration.ZERO, 0);
            }
            if (t.is("up-for")) {
                Comparison cmp = comparison();
                Duration d = in.duration("a duration");
                in.end();
                String written = Tokens.formatDuration(d);
                return new MeasuredCriterion(subject, null, Statistic.UP_FOR, null, cmp,
                        Threshold.of(written.substring(0, written.length() - 1), written.substring(written.length() - 1)),
                        Duration.ZERO, 0);
            }
            Optional<Statistic> stat = Statistic.ofWord(t.text());
            if (stat.isPresent()) {
                return windowed(subject, null, stat.get());
            }
            Token after = in.peek();
            if (after != null && after.type() == Type.SYMBOL) {
                return attribute(subject, t);
            }
            if (after != null && after.type() == Type.WORD) {
                Optional<Statistic> measured = Statistic.ofWord(after.text()).filter(Statistic::windowed);
                if (measured.isPresent() && !RESERVED.contains(t.text().toLowerCase())) {
                    in.next("");
                    return windowed(subject, t.text(), measured.get());
                }
            }
            throw Tokens.fail(after == null ? t : after, after == null
                    ? COMPARATOR + " after the attribute " + t.quoted()
                    : "a statistic (success-rate, availability, p50, p95, p99, max) or " + COMPARATOR);
        }

        private Subject subject() {
            Token t = in.word("a probe target key, 'group <name>' or 'golden-path'");
            if (t.is("golden-path")) {
                return Subject.goldenPath(quantifier());
            }
            if (t.is("group")) {
                Token name = in.word("a group name");
                if (RESERVED.contains(name.text().toLowerCase())) {
                    throw Tokens.fail(name, "a group name");
                }
                return Subject.group(name.text(), quantifier());
            }
            if (RESERVED.contains(t.text().toLowerCase())) {
                throw Tokens.fail(t, "a probe target key, 'group <name>' or 'golden-path'");
            }
            Token next = in.peek();
            if (next != null && (next.is("all") || next.is("any"))) {
                throw Tokens.fail(next, STATISTICS + " ('all'/'any' apply only to a group or golden-path)");
            }
            return Subject.target(t.text());
        }

        private Subject.Quantifier quantifier() {
            if (in.nextIs("any")) {
                in.next("");
                return Subject.Quantifier.ANY;
            }
            if (in.nextIs("all")) {
                in.next("");
            }
            return Subject.Quantifier.ALL;
        }

        private Comparison comparison() {
            Token t = in.next(COMPARATOR);
            return Comparison.ofSymbol(t.text()).filter(c -> t.type() == Type.SYMBOL)
                    .orElseThrow(() -> Tokens.fail(t, COMPARATOR));
        }

        private MeasuredCriterion windowed(Subject subject, String measurement, Statistic stat) {
            Comparison cmp = comparison();
            Token numberToken = in.peek();
            BigDecimal n = in.number("a number for the threshold");
            String unit = unit(stat);
            if (stat.isRate() && (n.signum() < 0 || n.compareTo(BigDecimal.valueOf(100)) > 0)) {
                throw Tokens.fail(numberToken, "a percentage between 0 and 100");
            }
            if (stat.isLatency() && n.signum() < 0) {
                throw Tokens.fail(numberToken, "a latency of zero or more");
            }
            Duration window = MeasuredCriterion.DEFAULT_WINDOW;
            int min = 1;
            boolean sawWindow = false;
            boolean sawMin = false;
            while (!in.atEnd()) {
                Token opt = in.word("'over <window>', 'min <samples>' or the end of the text");
                if (opt.is("over") && !sawWindow) {
                    window = in.duration("a window");
                    sawWindow = true;
                } else if (opt.is("min") && !sawMin) {
                    min = (int) in.wholeNumber("a whole number of samples (1 or more)", 1);
                    sawMin = true;
                } else {
                    throw Tokens.fail(opt, "'over <window>', 'min <samples>' or the end of the text");
                }
            }
            return new MeasuredCriterion(subject, measurement, stat, null, cmp,
                    new Threshold(n, unit, null), window, min);
        }

        private String unit(Statistic stat) {
            Token u = in.peek();
            if (stat.isLatency()) {
                if (u != null && (u.is("ms") || u.is("s"))) {
                    in.next("");
                    return u.text().toLowerCase();
                }
                if (u != null && !u.is("over") && !u.is("min")) {
                    throw Tokens.fail(u, "a latency unit (ms or s)");
                }
                return "ms";
            }
            if (u != null && u.text().equals("%")) {
                in.next("");
            } else if (u != null && !u.is("over") && !u.is("min")) {
                throw Tokens.fail(u, "'%'");
            }
            return "%";
        }

        private MeasuredCriterion attribute(Subject subject, Token name) {
            if (RESERVED.contains(name.text().toLowerCase())) {
                throw Tokens.fail(name, STATISTICS);
            }
            Comparison cmp = comparison();
            Token v = in.next("a number or a word to compare with");
            Threshold threshold;
            if (v.type() == Type.NUMBER) {
                String unit = "";
                Token u = in.peek();
                if (u != null && u.type() == Type.WORD && !u.is("over")) {
                    unit = in.next("").text();
                }
                threshold = new Threshold(new BigDecimal(v.text()), unit, null);
            } else if (v.type() == Type.WORD) {
                if (cmp != Comparison.EQ) {
                    throw Tokens.fail(v, "a number (words can only be compared with '=')");
                }
                threshold = Threshold.word(v.text());
            } else {
                throw Tokens.fail(v, "a number or a word to compare with");
            }
            Duration window = Duration.ZERO;
            if (!in.atEnd()) {
                Token opt = in.word("'over <max age>' or the end of the text");
                if (!opt.is("over")) {
                    throw Tokens.fail(opt, "'over <max age>' or the end of the text");
                }
                window = in.duration("a maximum age");
            }
            in.end();
            return new MeasuredCriterion(subject, null, Statistic.ATTRIBUTE, name.text(), cmp, threshold, window, 0);
        }
    }
}
