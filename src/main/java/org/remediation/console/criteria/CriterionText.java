package org.remediation.console.criteria;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.remediation.console.criteria.Tokens.Token;
import org.remediation.console.criteria.Tokens.Type;

/**
 * Parses and formats the compact criterion text used in runbook YAML and shown to people, e.g.
 * {@code backend-health p95 < 1000 ms over 15m min 10}. The grammar is documented in
 * {@code docs/criteria.md}; {@link #format} produces canonical text that parses back to an equal spec.
 */
public final class CriterionText {

    private static final String STATISTICS = "a statistic (success-rate, availability, p50, p95, p99, max, min, avg,"
            + " count, failures count, concurrent-success, up, up-for) or a measured attribute";
    private static final String COUNTED = "'failures' or '<measurement>=<value>' (e.g. status=503) before";
    private static final String COMPARATOR = "a comparator (<, <=, =, >=, >)";
    private static final Set<String> RESERVED = Set.of("over", "per", "min", "all", "any", "up", "up-for", "group",
            "golden-path", "manual", "and", "or", "failures", "improved", "since");

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

    /** The canonical text of a criterion; parses back to the same criterion ({@link CriterionFormat}). */
    public static String format(CriterionSpec spec) {
        return CriterionFormat.of(spec);
    }

    private static final class Parser {
        private final Tokens in;
        /** How many '(' are open: inside them a part may also end at ')'. */
        private int depth;

        Parser(Tokens in) {
            this.in = in;
        }

        /** The whole text: one measured criterion, or parts joined by 'and' / 'or'. */
        CriterionSpec criterion() {
            CriterionSpec spec = expression();
            Token t = in.peek();
            if (t != null) {
                throw Tokens.fail(t, "'and', 'or' or the end of the text (this ')' closes no '(')");
            }
            return spec;
        }

        private CriterionSpec expression() {
            List<CriterionSpec> parts = new ArrayList<>();
            parts.add(term());
            CompositeCriterion.Operator op = null;
            while (in.nextIs("and") || in.nextIs("or")) {
                Token word = in.next("");
                CompositeCriterion.Operator o = word.is("and") ? CompositeCriterion.Operator.AND
                        : CompositeCriterion.Operator.OR;
                if (op != null && o != op) {
                    throw Tokens.fail(word, "'" + op.word() + "' again: mixing 'and' and 'or' needs parentheses,"
                            + " e.g. (A and B) or C");
                }
                op = o;
                parts.add(term());
            }
            if (op == null) {
                return parts.getFirst();
            }
            List<CriterionSpec> flat = new ArrayList<>();
            for (CriterionSpec p : parts) {
                if (p instanceof CompositeCriterion c && c.operator() == op) {
                    flat.addAll(c.parts()); // (A and B) and C is A and B and C
                } else {
                    flat.add(p);
                }
            }
            return new CompositeCriterion(op, flat);
        }

        private CriterionSpec term() {
            Token t = in.peek();
            if (t != null && t.type() == Type.SYMBOL && t.text().equals("(")) {
                in.next("");
                depth++;
                CriterionSpec inner = expression();
                String close = "')' to close the '(' at column " + t.column();
                Token c = in.next(close);
                if (!c.text().equals(")") || c.type() != Type.SYMBOL) {
                    throw Tokens.fail(c, close);
                }
                depth--;
                return inner;
            }
            if (t != null && (t.is("manual") || t.is("manual:"))) {
                throw Tokens.fail(t, "a measured criterion ('manual' stands alone, never with 'and' or 'or')");
            }
            return measured();
        }

        /** True at the end of one measured criterion: the end of the text, 'and', 'or', or ')'. */
        private boolean atStop() {
            Token t = in.peek();
            return t == null || t.is("and") || t.is("or") || (t.type() == Type.SYMBOL && t.text().equals(")"));
        }

        private String stopWords() {
            return depth > 0 ? "'and', 'or' or ')'" : "'and', 'or' or the end of the text";
        }

        private void stop() {
            if (!atStop()) {
                throw Tokens.fail(in.peek(), stopWords());
            }
        }

        private void phrase(String words) {
            for (String w : words.split(" ")) {
                Token t = in.next("'" + words + "'");
                if (!t.is(w)) {
                    throw Tokens.fail(t, "'" + words + "'");
                }
            }
        }

        MeasuredCriterion measured() {
            Subject subject = subject();
            Token t = in.word(STATISTICS);
            if (t.is("up")) {
                stop();
                return new MeasuredCriterion(subject, null, Statistic.UP, null, Comparison.EQ,
                        Threshold.word("UP"), Duration.ZERO, 0);
            }
            if (t.is("up-for")) {
                Comparison cmp = comparison();
                Duration d = in.duration("a duration");
                stop();
                String written = Tokens.formatDuration(d);
                return new MeasuredCriterion(subject, null, Statistic.UP_FOR, null, cmp,
                        Threshold.of(written.substring(0, written.length() - 1), written.substring(written.length() - 1)),
                        Duration.ZERO, 0);
            }
            if (t.is("failures")) {
                Token what = in.word("'count' or 'rate' after 'failures'");
                if (!what.is("count") && !what.is("rate")) {
                    throw Tokens.fail(what, "'count' or 'rate' after 'failures'");
                }
                return windowed(subject, null, what.is("count") ? Statistic.COUNT : Statistic.RATE, null, null);
            }
            if (t.is("count") && bareCount()) {
                return windowed(subject, null, Statistic.SUM, null, null); // a metric probe's values summed
            }
            Optional<Statistic> stat = Statistic.ofWord(t.text());
            if (stat.isPresent()) {
                if (stat.get().isCount()) {
                    throw Tokens.fail(t, COUNTED + " " + t.quoted());
                }
                return windowed(subject, null, stat.get(), null, null);
            }
            Token after = in.peek();
            Token value = in.peek(1);
            Token counted = in.peek(2);
            if (after != null && after.text().equals("=") && value != null && value.type() != Type.SYMBOL
                    && counted != null && (counted.is("count") || counted.is("rate"))) {
                if (RESERVED.contains(t.text().toLowerCase())) {
                    throw Tokens.fail(t, "a measurement name before '='");
                }
                in.next("");
                in.next("");
                in.next("");
                return windowed(subject, null, counted.is("count") ? Statistic.COUNT : Statistic.RATE, t.text(),
                        value.text());
            }
            if (after != null && after.type() == Type.SYMBOL) {
                return attribute(subject, t);
            }
            if (after != null && after.type() == Type.WORD) {
                Optional<Statistic> measured = Statistic.ofWord(after.text());
                if (measured.isPresent() && measured.get().isCount()) {
                    throw Tokens.fail(after, COUNTED + " " + after.quoted());
                }
                measured = measured.filter(s -> s.isLatency() || s == Statistic.SUCCESS_RATE || s == Statistic.AVAILABILITY);
                if (measured.isPresent() && !RESERVED.contains(t.text().toLowerCase())) {
                    in.next("");
                    return windowed(subject, t.text(), measured.get(), null, null);
                }
            }
            throw Tokens.fail(after == null ? t : after, after == null
                    ? COMPARATOR + " after the attribute " + t.quoted()
                    : "a statistic (success-rate, availability, p50, p95, p99, max, avg) or " + COMPARATOR);
        }

        /** After the target, {@code count} followed by a comparator or 'improved': the sum of a metric's values. */
        private boolean bareCount() {
            Token next = in.peek();
            return next != null && (next.is("improved")
                    || (next.type() == Type.SYMBOL && Comparison.ofSymbol(next.text()).isPresent()));
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

        private MeasuredCriterion windowed(Subject subject, @Nullable String measurement, Statistic stat,
                                           @Nullable String attribute, @Nullable String matchValue) {
            boolean improvement = in.nextIs("improved");
            Comparison cmp;
            BigDecimal n;
            String unit;
            if (improvement) {
                in.next("");
                phrase("by");
                Token numberToken = in.peek();
                n = in.number("a number for the improvement in %");
                if (n.signum() <= 0 || (stat.lowerIsBetter() && n.compareTo(BigDecimal.valueOf(100)) > 0)) {
                    throw Tokens.fail(numberToken, stat.lowerIsBetter()
                            ? "an improvement above 0 and at most 100 % (" + stat.word() + " improves by getting smaller)"
                            : "an improvement above 0 %");
                }
                Token pct = in.next("'%' after the improvement");
                if (!pct.text().equals("%")) {
                    throw Tokens.fail(pct, "'%' after the improvement");
                }
                phrase("since phase start");
                cmp = Comparison.GE;
                unit = "%";
            } else {
                cmp = comparison();
                Token numberToken = in.peek();
                n = in.number("a number for the threshold");
                unit = unit(stat);
                if (stat.isRate() && (n.signum() < 0 || n.compareTo(BigDecimal.valueOf(100)) > 0)) {
                    throw Tokens.fail(numberToken, "a percentage between 0 and 100");
                }
                if ((stat.isLatency() || stat.isSum()) && n.signum() < 0) {
                    throw Tokens.fail(numberToken, "a value of zero or more");
                }
                if ((stat == Statistic.COUNT || stat == Statistic.CONCURRENT_SUCCESS)
                        && (n.signum() < 0 || n.stripTrailingZeros().scale() > 0)) {
                    throw Tokens.fail(numberToken, stat == Statistic.COUNT ? "a whole number of runs (0 or more)"
                            : "a whole number of requests (0 or more)");
                }
            }
            Duration window = MeasuredCriterion.DEFAULT_WINDOW;
            int min = 1;
            boolean sawWindow = false;
            boolean sawMin = false;
            String options = "'" + (stat.isCount() || stat.isSum() ? "per" : "over") + " <window>', 'min <samples>', "
                    + stopWords();
            while (!atStop()) {
                Token opt = in.word(options);
                if ((opt.is("over") || opt.is("per")) && !sawWindow) {
                    window = in.duration("a window");
                    sawWindow = true;
                } else if (opt.is("min") && !sawMin) {
                    min = (int) in.wholeNumber("a whole number of samples (1 or more)", 1);
                    sawMin = true;
                } else {
                    throw Tokens.fail(opt, options);
                }
            }
            return new MeasuredCriterion(subject, measurement, stat, attribute, cmp,
                    new Threshold(n, unit, null), window, min, matchValue, improvement);
        }

        private boolean optionOrStop(@Nullable Token u) {
            return u == null || u.is("over") || u.is("per") || u.is("min") || atStop();
        }

        private String unit(Statistic stat) {
            Token u = in.peek();
            if (stat.isLatency() || stat.isSum()) {
                // ms or s for a latency; a metric's own unit (%, By, req …) for a metric probe's value; none
                // is ms for a latency and the metric's unit for a metric (checked when evaluated)
                if (u != null && (u.is("ms") || u.is("s"))) {
                    in.next("");
                    return u.text().toLowerCase();
                }
                if (u != null && (u.text().equals("%") || (u.type() == Type.WORD && !optionOrStop(u)
                        && !RESERVED.contains(u.text().toLowerCase())))) {
                    in.next("");
                    return u.text();
                }
                if (!optionOrStop(u)) {
                    throw Tokens.fail(u, "a unit (ms or s for a latency, the metric's unit such as % for a metric) or "
                            + "'over <window>'");
                }
                return "";
            }
            if (!stat.isRate()) {
                return ""; // counts have no unit; anything else fails as an unexpected option
            }
            if (u != null && u.text().equals("%")) {
                in.next("");
            } else if (!optionOrStop(u)) {
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
                if (u != null && u.type() == Type.WORD && !u.is("over") && !atStop()) {
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
            if (!atStop()) {
                String expected = "'over <max age>', " + stopWords();
                Token opt = in.word(expected);
                if (!opt.is("over")) {
                    throw Tokens.fail(opt, expected);
                }
                window = in.duration("a maximum age");
            }
            stop();
            return new MeasuredCriterion(subject, null, Statistic.ATTRIBUTE, name.text(), cmp, threshold, window, 0);
        }
    }
}
