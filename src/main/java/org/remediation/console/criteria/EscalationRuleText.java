package org.remediation.console.criteria;

import java.time.Duration;
import org.remediation.console.criteria.Tokens.Token;

/**
 * Parses the escalation rules of a runbook:
 * <ul>
 *   <li>{@code criterion <key> still not met <duration> after phase start}</li>
 *   <li>{@code phase overran its window}</li>
 *   <li>{@code criterion <key> regressed after being met}</li>
 * </ul>
 */
public final class EscalationRuleText {

    private static final String START = "'criterion <key> …' or 'phase overran its window'";

    private EscalationRuleText() {
    }

    public static EscalationRule parse(String text) {
        Tokens in = new Tokens(text);
        Token first = in.word(START);
        if (first.is("phase")) {
            in.keyword("overran");
            in.keyword("its");
            in.keyword("window");
            in.end();
            return new EscalationRule.PhaseOverran();
        }
        if (!first.is("criterion")) {
            throw Tokens.fail(first, START);
        }
        String key = in.word("a criterion key").text();
        Token what = in.word("'still not met …' or 'regressed after being met'");
        if (what.is("still")) {
            in.keyword("not");
            in.keyword("met");
            Duration after = in.duration("a delay");
            in.keyword("after");
            in.keyword("phase");
            in.keyword("start");
            in.end();
            return new EscalationRule.StillNotMet(key, after);
        }
        if (what.is("regressed")) {
            in.keyword("after");
            in.keyword("being");
            in.keyword("met");
            in.end();
            return new EscalationRule.Regressed(key);
        }
        throw Tokens.fail(what, "'still not met …' or 'regressed after being met'");
    }

    public static String format(EscalationRule rule) {
        return switch (rule) {
            case EscalationRule.StillNotMet s -> "criterion " + s.criterionKey() + " still not met "
                    + Tokens.formatDuration(s.after()) + " after phase start";
            case EscalationRule.PhaseOverran p -> "phase overran its window";
            case EscalationRule.Regressed r -> "criterion " + r.criterionKey() + " regressed after being met";
        };
    }
}
