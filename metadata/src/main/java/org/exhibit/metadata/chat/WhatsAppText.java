package org.exhibit.metadata.chat;

import java.io.BufferedReader;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.exhibit.format.record.ChatTranscript;
import org.exhibit.format.record.ChatTranscript.ChatMessage;

/**
 * WhatsApp's "Export chat" text, in the two shapes its apps write:
 * <pre>
 * 12/31/23, 9:41 PM - Velvet Fox: text            (Android; the date order follows the phone's locale)
 * [31.12.23, 21:41:05] Velvet Fox: text           (iPhone)
 * </pre>
 * A line that does not start a message continues the one before. Attachments are the lines
 * {@code IMG-20231231-WA0001.jpg (file attached)} and {@code <attached: 00000012-PHOTO-2023-12-31-21-41-05.jpg>}.
 * Day and month order is decided for the whole file: a first number above 12 means day first, a second above 12
 * month first; otherwise slashes are read month first and dots day first, and a warning says so.
 */
final class WhatsAppText {
    static final String APP = "whatsapp";
    private static final String DATE = "(\\d{1,4})[./-](\\d{1,2})[./-](\\d{1,4}),?\\s+(\\d{1,2})[:.](\\d{2})(?:[:.](\\d{2}))?"
            + "(?:[\\s\\u202f\\u00a0]*([AaPp])\\.?\\s?[Mm]\\.?)?";
    private static final Pattern ANDROID = Pattern.compile("^[\\u200e\\u200f]?" + DATE + "\\s+[-\\u2013]\\s+(.*)$");
    private static final Pattern IOS = Pattern.compile("^[\\u200e\\u200f]?\\[" + DATE + "]\\s+(.*)$");
    private static final Pattern FILE_ATTACHED = Pattern.compile("^[\\u200e]?(.+?\\.[A-Za-z0-9]{1,5}) \\(file attached\\)\\s*(.*)$",
            Pattern.DOTALL);
    private static final Pattern ATTACHED = Pattern.compile("[\\u200e]?<attached: ([^>]+)>");
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT);

    private WhatsAppText() {
    }

    /** Whether the text's first non-empty line starts a WhatsApp message. */
    static boolean looksLike(String firstLine) {
        return firstLine != null && (ANDROID.matcher(firstLine).matches() || IOS.matcher(firstLine).matches());
    }

    static ChatTranscript parse(BufferedReader in, String source) throws IOException {
        List<String> warnings = new ArrayList<>();
        List<Header> headers = new ArrayList<>();
        List<StringBuilder> bodies = new ArrayList<>();
        int lineNo = 0;
        for (String line; (line = in.readLine()) != null; ) {
            lineNo++;
            if (lineNo == 1 && line.startsWith("\ufeff")) {
                line = line.substring(1);
            }
            Header h = header(line);
            if (h != null) {
                headers.add(h);
                bodies.add(new StringBuilder(h.rest));
            } else if (!bodies.isEmpty()) {
                bodies.get(bodies.size() - 1).append('\n').append(line);
            } else if (!line.isBlank()) {
                warnings.add("line " + lineNo + " is not a message and comes before the first one: " + cut(line));
            }
        }
        boolean dayFirst = dayFirst(headers, warnings);
        Set<String> participants = new LinkedHashSet<>();
        List<ChatMessage> messages = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            Header h = headers.get(i);
            String body = bodies.get(i).toString();
            String sender = null;
            String text = body;
            int colon = body.indexOf(": ");
            if (colon > 0 && !body.substring(0, colon).contains("\n")) {
                sender = body.substring(0, colon).strip().replace("\u200e", "");
                text = body.substring(colon + 2);
                participants.add(sender);
            }
            List<String> attachments = new ArrayList<>();
            Matcher fa = FILE_ATTACHED.matcher(text);
            if (fa.matches()) {
                attachments.add(fa.group(1).strip());
                text = fa.group(2).strip();
            }
            Matcher at = ATTACHED.matcher(text);
            while (at.find()) {
                attachments.add(at.group(1).strip());
            }
            text = at.replaceAll("").strip();
            messages.add(new ChatMessage(i + 1, sender, h.time, timestamp(h, dayFirst, warnings), text, attachments));
        }
        if (messages.isEmpty()) {
            warnings.add("no message found: not a WhatsApp export in a form Exhibit reads");
        }
        return new ChatTranscript(ChatTranscript.FORMAT, APP, source, null, new ArrayList<>(participants),
                "as the exporting phone showed them, in its own time zone: WhatsApp does not record the zone",
                messages, warnings);
    }

    private record Header(String time, int a, int b, int c, int hour, int minute, int second, Character ampm,
                          boolean dots, String rest) {
    }

    private static Header header(String line) {
        Matcher m = IOS.matcher(line);
        if (!m.matches()) {
            m = ANDROID.matcher(line);
            if (!m.matches()) {
                return null;
            }
        }
        String time = line.substring(0, m.start(8)).replaceAll("[\\[\\]\\u200e\\u200f]|\\s+[-\\u2013]\\s+$", "").strip();
        Character ampm = m.group(7) == null ? null : Character.toUpperCase(m.group(7).charAt(0));
        return new Header(time, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                m.group(6) == null ? 0 : Integer.parseInt(m.group(6)), ampm, line.contains("."), m.group(8));
    }

    private static boolean dayFirst(List<Header> headers, List<String> warnings) {
        if (headers.isEmpty() || headers.get(0).a > 31) {
            return false; // year first
        }
        for (Header h : headers) {
            if (h.a > 12) {
                return true;
            }
            if (h.b > 12) {
                return false;
            }
        }
        boolean dots = headers.get(0).dots;
        warnings.add("day and month cannot be told apart in this export (no day above 12): read as "
                + (dots ? "day.month.year (dots)" : "month/day/year (slashes)") + "; check against the phone");
        return dots;
    }

    private static String timestamp(Header h, boolean dayFirst, List<String> warnings) {
        int year;
        int month;
        int day;
        if (h.a > 31) {
            year = h.a;
            month = h.b;
            day = h.c;
        } else {
            year = h.c < 100 ? 2000 + h.c : h.c;
            month = dayFirst ? h.b : h.a;
            day = dayFirst ? h.a : h.b;
        }
        int hour = h.hour;
        if (h.ampm != null) {
            hour = hour % 12 + (h.ampm == 'P' ? 12 : 0);
        }
        try {
            return LocalDateTime.of(year, month, day, hour, h.minute, h.second).format(ISO);
        } catch (DateTimeException e) {
            warnings.add("not a date: " + h.time);
            return null;
        }
    }

    private static String cut(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
