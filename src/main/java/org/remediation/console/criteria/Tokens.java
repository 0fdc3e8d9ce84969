package org.remediation.console.criteria;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** A tiny lexer and cursor shared by the criterion and escalation-rule parsers. */
final class Tokens {

    enum Type { WORD, NUMBER, SYMBOL }

    record Token(Type type, String text, int column) {
        boolean is(String word) {
            return type != Type.NUMBER && text.equalsIgnoreCase(word);
        }

        String quoted() {
            return "'" + text + "'";
        }
    }

    private static final Set<String> DURATION_UNITS = Set.of("s", "m", "h", "d");

    private final List<Token> list;
    private final int endColumn;
    private int pos;

    Tokens(String text) {
        this.list = lex(text);
        this.endColumn = text.length() + 1;
    }

    private static List<Token> lex(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int start = i;
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isDigit(c) || (c == '-' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1)))) {
                i++;
                while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                    i++;
                }
                out.add(new Token(Type.NUMBER, s.substring(start, i), start + 1));
            } else if (Character.isLetter(c)) {
                while (i < s.length() && isWordChar(s.charAt(i))) {
                    i++;
                }
                out.add(new Token(Type.WORD, s.substring(start, i), start + 1));
            } else if ("<>=!".indexOf(c) >= 0) {
                i++;
                if (i < s.length() && s.charAt(i) == '=') {
                    i++;
                }
                out.add(new Token(Type.SYMBOL, s.substring(start, i), start + 1));
            } else {
                out.add(new Token(Type.SYMBOL, String.valueOf(c), start + 1));
                i++;
            }
        }
        return out;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.' || c == ':' || c == '/';
    }

    boolean atEnd() {
        return pos >= list.size();
    }

    @Nullable Token peek() {
        return atEnd() ? null : list.get(pos);
    }

    @Nullable Token peek(int ahead) {
        return pos + ahead < list.size() ? list.get(pos + ahead) : null;
    }

    boolean nextIs(String word) {
        Token t = peek();
        return t != null && t.is(word);
    }

    Token next(String expected) {
        if (atEnd()) {
            throw new TextSyntaxException(endColumn, expected, "the end of the text");
        }
        return list.get(pos++);
    }

    Token word(String expected) {
        Token t = next(expected);
        if (t.type() != Type.WORD) {
            throw fail(t, expected);
        }
        return t;
    }

    void keyword(String word) {
        Token t = next("'" + word + "'");
        if (!t.is(word)) {
            throw fail(t, "'" + word + "'");
        }
    }

    BigDecimal number(String expected) {
        Token t = next(expected);
        if (t.type() != Type.NUMBER) {
            throw fail(t, expected);
        }
        try {
            return new BigDecimal(t.text());
        } catch (NumberFormatException e) {
            throw fail(t, expected);
        }
    }

    long wholeNumber(String expected, long min) {
        Token t = peek();
        BigDecimal n = number(expected);
        if (n.scale() > 0 && n.stripTrailingZeros().scale() > 0 || n.longValue() < min) {
            throw fail(t, expected);
        }
        return n.longValue();
    }

    /** A duration such as {@code 15m}, {@code 90s}, {@code 2h}, {@code 1d}. */
    Duration duration(String what) {
        String expected = what + " such as 15m, 90s, 2h or 1d";
        Token first = peek();
        long n = wholeNumber(expected, 1);
        Token unit = next("a duration unit (s, m, h or d)");
        if (!DURATION_UNITS.contains(unit.text().toLowerCase())) {
            throw fail(unit, "a duration unit (s, m, h or d)");
        }
        Duration d = switch (unit.text().toLowerCase()) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
        if (d.compareTo(Duration.ofDays(7)) > 0) {
            throw fail(first, what + " of at most 7d");
        }
        return d;
    }

    void end() {
        Token t = peek();
        if (t != null) {
            throw fail(t, "the end of the text");
        }
    }

    static TextSyntaxException fail(@Nullable Token t, String expected) {
        return new TextSyntaxException(t == null ? 0 : t.column(), expected, t == null ? "nothing" : t.quoted());
    }

    static String formatDuration(Duration d) {
        long s = d.toSeconds();
        if (s % 86_400 == 0) {
            return s / 86_400 + "d";
        }
        if (s % 3600 == 0) {
            return s / 3600 + "h";
        }
        if (s % 60 == 0) {
            return s / 60 + "m";
        }
        return s + "s";
    }
}
