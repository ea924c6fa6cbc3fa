package org.exhibit.integrity.timeline;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.exhibit.format.custody.CustodyEvent;
import org.exhibit.format.custody.EventDetails;
import org.exhibit.format.custody.RecheckVerdict;

/**
 * Derives every URL's {@link Timeline} from a case's capture records and custody log, each time it is asked: a
 * capture that a {@code rechecked} line describes takes that line's verdict (which also saw a "content removed"
 * page); any other capture is judged by its HTTP answer ({@link CaptureFacts#state()}). A {@code notice-drafted}
 * line to a host adds a {@link Notice} to the timeline of each captured URL it names.
 *
 * <pre>{@code
 * List<Timeline> all = Timelines.of(captures, log.events());
 * }</pre>
 */
public final class Timelines {
    private Timelines() {
    }

    /** The timelines of every URL captured, in the order each was first captured. */
    public static List<Timeline> of(List<CaptureFacts> captures, List<CustodyEvent> events) {
        Map<String, EventDetails.Rechecked> checks = new HashMap<>();
        Map<String, List<Notice>> notices = new HashMap<>();
        for (CustodyEvent e : events) {
            if (CustodyEvent.RECHECKED.equals(e.action()) && e.subject() != null) {
                checks.put(e.subject(), EventDetails.read(e, EventDetails.Rechecked.class));
            } else if (CustodyEvent.NOTICE_DRAFTED.equals(e.action()) && e.time() != null) {
                EventDetails.NoticeDrafted d = EventDetails.read(e, EventDetails.NoticeDrafted.class);
                if (EventDetails.HOST_NOTICE.equals(d.kind()) && d.host() != null && d.urls() != null) {
                    Notice n = new Notice(e.time(), d.host(), d.addressee(), d.file());
                    d.urls().stream().map(Timelines::key).distinct()
                            .forEach(k -> notices.computeIfAbsent(k, x -> new ArrayList<>()).add(n));
                }
            }
        }
        Map<String, List<Sighting>> byUrl = new LinkedHashMap<>();
        Map<String, String> names = new HashMap<>();
        List<CaptureFacts> ordered = new ArrayList<>(captures);
        ordered.sort(Comparator.comparing(CaptureFacts::time, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(CaptureFacts::subject));
        for (CaptureFacts c : ordered) {
            if (c.url() == null || c.time() == null) {
                continue;
            }
            String key = key(c.url());
            names.putIfAbsent(key, c.url());
            EventDetails.Rechecked check = checks.get(c.subject());
            Sighting s;
            if (check != null && check.verdict() != null) {
                RecheckVerdict v = RecheckVerdict.of(check.verdict());
                State state = v.online() ? State.ONLINE : v == RecheckVerdict.GONE ? State.GONE : State.NO_ANSWER;
                s = new Sighting(c.subject(), c.time(), state, v.json(), check.reason() == null ? c.answer() : check.reason());
            } else {
                s = new Sighting(c.subject(), c.time(), c.state(), null, c.answer());
            }
            byUrl.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
        }
        List<Timeline> out = new ArrayList<>();
        byUrl.forEach((key, sightings) -> out.add(new Timeline(names.get(key), sightings,
                notices.getOrDefault(key, List.of()))));
        return out;
    }

    /**
     * The key two spellings of one page share: scheme and host lower-cased (an internationalised host in punycode),
     * the default port and the fragment dropped, an empty path made {@code /}. A URL that does not parse is its own key.
     */
    public static String key(String url) {
        try {
            URI u = new URI(url.strip());
            if (u.getScheme() == null || u.getHost() == null && u.getRawAuthority() == null) {
                return url.strip();
            }
            String scheme = u.getScheme().toLowerCase(Locale.ROOT);
            String host = u.getHost();
            String user = u.getRawUserInfo();
            int given = u.getPort();
            if (host == null) {                      // an internationalised host: java.net.URI leaves it unparsed
                String auth = u.getRawAuthority();
                int at = auth.lastIndexOf('@');
                user = at < 0 ? null : auth.substring(0, at);
                host = auth.substring(at + 1);
                int colon = host.lastIndexOf(':');
                if (colon >= 0 && host.substring(colon + 1).matches("\\d{1,5}")) {
                    given = Integer.parseInt(host.substring(colon + 1));
                    host = host.substring(0, colon);
                }
            }
            host = host.startsWith("[") ? host.toLowerCase(Locale.ROOT)
                    : IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
            int port = given == 80 && scheme.equals("http") || given == 443 && scheme.equals("https") ? -1 : given;
            String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
            return scheme + "://" + (user == null ? "" : user + "@") + host
                    + (port < 0 ? "" : ":" + port) + path + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return url.strip();
        }
    }
}
