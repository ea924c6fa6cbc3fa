package org.exhibit.metadata.search;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every handle ({@code @name}), e-mail address, phone number, web host and chat sender a case's texts name, each
 * with the places it appears. Patterns, not understanding: a phone number is seven to fifteen digits starting
 * with {@code +} or split by spaces, dashes, dots or brackets, and not a date; a bare run of digits is left out.
 */
public final class People {
    public static final String HANDLE = "handle";
    public static final String EMAIL = "email";
    public static final String PHONE = "phone";
    public static final String HOST = "host";
    public static final String SENDER = "sender";

    private static final Pattern EMAIL_RE = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    private static final Pattern HANDLE_RE = Pattern.compile("(?<![A-Za-z0-9._%+-])@([A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?)");
    private static final Pattern URL_RE = Pattern.compile("(?i)\\bhttps?://[^\\s\"'<>()\\[\\]]+");
    private static final Pattern PHONE_RE = Pattern.compile("(?<![\\w/.:-])(\\+?\\(?\\d[\\d\\s().-]{5,18}\\d)(?![\\w/:-])");
    private static final Pattern DATE_RE = Pattern.compile("\\d{1,4}[./-]\\d{1,2}[./-]\\d{1,4}");
    private static final int MAX_PLACES = 50;

    private People() {
    }

    public static List<Identifier> find(List<TextUnit> units) {
        Map<String, Set<String>> places = new LinkedHashMap<>();
        Map<String, String> shown = new LinkedHashMap<>();
        for (TextUnit u : units) {
            String place = u.evidence() + "  " + u.file() + (u.where().isEmpty() ? "" : "  " + u.where());
            if (CaseTexts.CHAT.equals(u.kind()) && u.where().contains(", ")) {
                String sender = u.where().split(", ", 3)[1];
                if (!sender.equals("(system)")) {
                    add(places, shown, SENDER, sender, sender, place);
                }
            }
            String text = u.text();
            Matcher e = EMAIL_RE.matcher(text);
            while (e.find()) {
                add(places, shown, EMAIL, e.group().toLowerCase(Locale.ROOT), e.group().toLowerCase(Locale.ROOT), place);
            }
            Matcher h = HANDLE_RE.matcher(text);
            while (h.find()) {
                String v = "@" + h.group(1).toLowerCase(Locale.ROOT);
                add(places, shown, HANDLE, v, v, place);
            }
            Matcher w = URL_RE.matcher(text);
            while (w.find()) {
                String host = host(w.group());
                if (host != null) {
                    add(places, shown, HOST, host, host, place);
                }
            }
            Matcher p = PHONE_RE.matcher(text);
            while (p.find()) {
                String written = p.group(1).strip();
                String digits = written.replaceAll("\\D", "");
                if (digits.length() >= 7 && digits.length() <= 15 && !DATE_RE.matcher(written).find()
                        && (written.startsWith("+") || written.matches(".*\\d[\\s().-]+\\d.*"))) {
                    add(places, shown, PHONE, digits, written, place);
                }
            }
        }
        List<Identifier> out = new ArrayList<>();
        places.forEach((key, where) -> {
            List<String> list = new ArrayList<>(where);
            if (list.size() > MAX_PLACES) {
                int more = list.size() - MAX_PLACES;
                list = new ArrayList<>(list.subList(0, MAX_PLACES));
                list.add("and " + more + " more places");
            }
            out.add(new Identifier(key.substring(0, key.indexOf(' ')), shown.get(key), list));
        });
        out.sort(Comparator.comparing(Identifier::kind).thenComparing(Identifier::value));
        return out;
    }

    private static void add(Map<String, Set<String>> places, Map<String, String> shown, String kind, String key,
                            String value, String place) {
        String k = kind + " " + key;
        places.computeIfAbsent(k, x -> new LinkedHashSet<>()).add(place);
        shown.putIfAbsent(k, value);
    }

    private static String host(String url) {
        try {
            String h = URI.create(url.replaceAll("[.,;:!?]+$", "")).getHost();
            return h == null ? null : h.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
