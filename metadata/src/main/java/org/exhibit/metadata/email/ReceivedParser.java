package org.exhibit.metadata.email;

import jakarta.mail.internet.MailDateFormat;
import java.text.ParsePosition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses one unfolded {@code Received:} value (RFC 5321 section 4.4): clauses {@code from}, {@code by},
 * {@code via}, {@code with}, {@code id}, {@code for} outside comments, then {@code ;} and the date. Servers
 * write these loosely, so every part is optional and nothing here throws.
 */
final class ReceivedParser {
    private static final Set<String> KEYWORDS = Set.of("from", "by", "via", "with", "id", "for");
    private static final Pattern IPV4 = Pattern.compile("(?<![\\d.])(\\d{1,3}(?:\\.\\d{1,3}){3})(?![\\d.])");
    private static final Pattern BRACKETED = Pattern.compile("\\[(?:IPv6:)?([0-9A-Fa-f:.]+)]");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]*\\.[A-Za-z]{2,}\\.?");

    private ReceivedParser() {
    }

    static Hop parse(String raw) {
        String value = raw.strip();
        int semi = lastTopLevelSemicolon(value);
        String dateText = semi < 0 ? null : value.substring(semi + 1).strip();
        Instant date = date(dateText);
        Map<String, String> clauses = clauses(semi < 0 ? value : value.substring(0, semi));
        String fromClause = clauses.get("from");
        String from = null;
        String fromHost = null;
        Set<String> ips = new LinkedHashSet<>();
        if (fromClause != null) {
            int paren = fromClause.indexOf('(');
            from = firstWord(paren < 0 ? fromClause : fromClause.substring(0, paren));
            String comment = paren < 0 ? "" : fromClause.substring(paren);
            ips.addAll(addresses(comment));
            // the resolved name is in the first comment ("(host.example [192.0.2.1])"); later comments carry TLS
            // details or an authenticated sender's address, whose domain is not a host name
            int close = comment.indexOf(')');
            String first = close < 0 ? comment : comment.substring(0, close);
            Matcher h = HOST.matcher(first.replaceAll("\\[[^]]*]", " ").replaceAll("\\S*@\\S*", " "));
            while (h.find() && fromHost == null) {
                String candidate = h.group();
                if (!IPV4.matcher(candidate).matches() && !candidate.equalsIgnoreCase("helo")) {
                    fromHost = candidate.endsWith(".") ? candidate.substring(0, candidate.length() - 1) : candidate;
                }
            }
            ips.addAll(addresses(from == null ? "" : from));
        }
        List<String> ipList = new ArrayList<>(ips);
        String fromIp = ipList.isEmpty() ? null : ipList.get(0);
        return new Hop(from, fromHost, fromIp, ipList, firstWord(clauses.get("by")), firstWord(clauses.get("with")),
                firstWord(clauses.get("id")), dateText == null || dateText.isEmpty() ? null : dateText, date, value);
    }

    /** IP literals in brackets first (what a server observed), then bare dotted quads. */
    private static List<String> addresses(String text) {
        Set<String> out = new LinkedHashSet<>();
        Matcher b = BRACKETED.matcher(text);
        while (b.find()) {
            if (b.group(1).contains(".") || b.group(1).contains(":")) {
                out.add(b.group(1));
            }
        }
        Matcher m = IPV4.matcher(text);
        while (m.find()) {
            if (validIpv4(m.group(1))) {
                out.add(m.group(1));
            }
        }
        out.removeIf(ip -> !ip.contains(":") && !validIpv4(ip));
        return new ArrayList<>(out);
    }

    private static boolean validIpv4(String s) {
        for (String part : s.split("\\.")) {
            if (part.isEmpty() || part.length() > 3 || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return s.split("\\.").length == 4;
    }

    /** Splits at the keywords that stand outside parentheses; the first occurrence of each wins. */
    private static Map<String, String> clauses(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        String current = null;
        StringBuilder buf = new StringBuilder();
        int depth = 0;
        for (String token : text.split("(?<=\\s)|(?=\\s)|(?<=[()])|(?=[()])")) {
            if (token.equals("(")) {
                depth++;
            } else if (token.equals(")")) {
                depth = Math.max(0, depth - 1);
            } else if (depth == 0 && KEYWORDS.contains(token.toLowerCase(Locale.ROOT))) {
                if (current != null) {
                    out.putIfAbsent(current, buf.toString().strip());
                }
                current = token.toLowerCase(Locale.ROOT);
                buf.setLength(0);
                continue;
            }
            buf.append(token);
        }
        if (current != null) {
            out.putIfAbsent(current, buf.toString().strip());
        }
        return out;
    }

    private static int lastTopLevelSemicolon(String s) {
        int depth = 0;
        int last = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth = Math.max(0, depth - 1);
            } else if (c == ';' && depth == 0) {
                last = i;
            }
        }
        return last;
    }

    private static String firstWord(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        return s.strip().split("\\s+")[0];
    }

    static Instant date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Date d = new MailDateFormat().parse(text, new ParsePosition(0));
        return d == null ? null : d.toInstant();
    }
}
