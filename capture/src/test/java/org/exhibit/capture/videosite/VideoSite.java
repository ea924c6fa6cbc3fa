package org.exhibit.capture.videosite;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.exhibit.capture.testsite.TestCertificate;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The video test site: synthetic clips (ffmpeg test patterns and tones, made by {@code videosite/make-clips.sh}
 * once per JVM, see {@link Clips}) served with the players that real video sites use, for the video-capture tests.
 * Three servers on 127.0.0.1, port 0, serve the same paths: HTTP ({@link #url}), HTTPS ({@link #https}) and a second
 * HTTPS server reached as {@code localhost} ({@link #crossOriginUrl}), another origin and another site, for the
 * embedded player. The HTTPS certificate is self-signed and made per run ({@link #spki()} for Chromium).
 *
 * <table>
 * <caption>Pages, each with the visible text "uploaded by @test_uploader on 2026-11-20"</caption>
 * <tr><td>{@code /hls-ts.html}</td><td>hls.js on {@link #hlsTs()}: HLS, MPEG-TS, 360p and 180p; the 320x180 player
 *     starts at, and stays on, the lower rendition</td></tr>
 * <tr><td>{@code /hls-fmp4-aes.html}</td><td>the same on {@link #hlsFmp4Aes()}: fMP4 segments encrypted AES-128, the
 *     key served at {@code /media/hls-fmp4-aes/key.bin}</td></tr>
 * <tr><td>{@code /dash.html}</td><td>a small MediaSource player on {@link #dash()}: the best video Representation and
 *     the audio one ({@code ?rendition=lowest}: the lowest video)</td></tr>
 * <tr><td>{@code /progressive.html}</td><td>{@code <video src="/media/clip.mp4">}: Chromium fetches it in ranges
 *     (206)</td></tr>
 * <tr><td>{@code /download.html}</td><td>no player: links to {@code /media/clip.webm} (download) and
 *     {@code /media/clip.mp4}</td></tr>
 * <tr><td>{@code /iframe.html}</td><td>an iframe with {@code /hls-ts.html} from {@link #crossOriginUrl}
 *     ({@code ?src=/progressive.html} etc. for another player page)</td></tr>
 * <tr><td>{@code /live.html}</td><td>hls.js on {@code /live/index.m3u8}: a live playlist that never ends, see
 *     {@link #live()}</td></tr>
 * </table>
 *
 * Every generated file is under {@code /media/} by its path in {@link Clips#dir()}, with Range support; every
 * request is logged ({@link #requests()}).
 */
public final class VideoSite implements AutoCloseable {
    public static final String UPLOADER = "@test_uploader";
    public static final LocalDate UPLOAD_DATE = LocalDate.of(2026, 11, 20);
    /** The visible text every page has. */
    public static final String BYLINE = "uploaded by " + UPLOADER + " on " + UPLOAD_DATE;
    /** The length of every clip and stream. */
    public static final Duration DURATION = Duration.ofSeconds(6);
    /** The length of every segment, HLS and DASH, and of the live playlist's. */
    public static final Duration SEGMENT = Duration.ofSeconds(2);

    public static final String HLS_TS_PAGE = "/hls-ts.html";
    public static final String HLS_FMP4_AES_PAGE = "/hls-fmp4-aes.html";
    public static final String DASH_PAGE = "/dash.html";
    public static final String PROGRESSIVE_PAGE = "/progressive.html";
    public static final String DOWNLOAD_PAGE = "/download.html";
    public static final String IFRAME_PAGE = "/iframe.html";
    public static final String LIVE_PAGE = "/live.html";
    public static final List<String> PAGES = List.of(HLS_TS_PAGE, HLS_FMP4_AES_PAGE, DASH_PAGE, PROGRESSIVE_PAGE,
            DOWNLOAD_PAGE, IFRAME_PAGE, LIVE_PAGE);

    static final String MEDIA = "/media/";
    static final String HLS_TS_MASTER = MEDIA + "hls-ts/master.m3u8";
    static final String HLS_FMP4_AES_MASTER = MEDIA + "hls-fmp4-aes/master.m3u8";
    static final String DASH_MANIFEST = MEDIA + "dash/manifest.mpd";
    /** The progressive MP4 (faststart), the {@code <video src>} of /progressive.html; its file is reference("clip.mp4"). */
    public static final String PROGRESSIVE_MP4 = MEDIA + "clip.mp4";
    /** The WebM (VP9 + Opus) of /download.html's download link; its file is reference("clip.webm"). */
    public static final String DOWNLOAD_WEBM = MEDIA + "clip.webm";
    static final String LIVE_PLAYLIST = "/live/index.m3u8";
    private static final int LIVE_WINDOW = 3;
    private static final Pattern LIVE_SEGMENT = Pattern.compile("/live/seg(\\d+)\\.ts");

    /**
     * One rendition of a stream, or DASH's audio Representation (width and height 0, name "audio").
     *
     * @param name      {@code 360p} or {@code 180p}
     * @param bandwidth bits per second as the master playlist (BANDWIDTH: the peak segment bit rate) or the MPD
     *                  (@bandwidth) declares it
     * @param codecs    as declared: {@code avc1.64001e,mp4a.40.2} (HLS 360p), {@code avc1.4d4015} (DASH 180p)...
     * @param playlist  site path of the HLS media playlist; null for DASH
     * @param init      site path of the initialization segment (fMP4 HLS's EXT-X-MAP, DASH's); null for MPEG-TS
     * @param segments  site paths of the media segments, in order (three of 2 s; fMP4 HLS's are encrypted)
     * @param reference the name for {@link VideoSite#reference} of the MP4 the segments were cut from, without
     *                  re-encoding: its decoded frames are the rendition's (DASH audio: {@code dash/360p.mp4}'s audio)
     */
    public record Rendition(String name, int width, int height, long bandwidth, String codecs, String playlist,
                            String init, List<String> segments, String reference) {
        public String resolution() {
            return width + "x" + height;
        }
    }

    /**
     * An adaptive stream: its player page, its master playlist or MPD, its video renditions as declared (best first),
     * DASH's separate audio (null for HLS, whose audio is muxed into each rendition) and the AES-128 key's path (or
     * null).
     */
    public record VideoStream(String name, String page, String manifest, Duration duration, List<Rendition> renditions,
                              Rendition audio, String key) {
        /** The rendition with the highest declared bandwidth: what a capture should keep. */
        public Rendition best() {
            return renditions.stream().max(Comparator.comparingLong(Rendition::bandwidth)).orElseThrow();
        }

        /** The rendition with the lowest declared bandwidth: where the HLS pages' players start and stay. */
        public Rendition lowest() {
            return renditions.stream().min(Comparator.comparingLong(Rendition::bandwidth)).orElseThrow();
        }
    }

    /**
     * The never-ending live stream: {@code playlist} is a media playlist without {@code #EXT-X-ENDLIST} whose window of
     * {@code window} segments moves on by one every {@code segment}; its segment N ({@code /live/segN.ts}) is
     * {@code source}'s segment N mod 3, with a discontinuity where the loop starts again.
     */
    public record Live(String page, String playlist, Duration segment, int window, Rendition source) {
    }

    /** One request as the site answered it; {@code range} is the Range header or null; {@code bytes} the body sent. */
    public record Request(Instant at, String origin, String method, String path, String query, String range,
                          int status, long bytes) {
    }

    private final Path clips;
    private final TestCertificate certificate;
    private final HttpServer http;
    private final HttpsServer https;
    private final HttpsServer other;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "video-site");
        t.setDaemon(true);
        return t;
    });
    private final ConcurrentLinkedQueue<Request> requests = new ConcurrentLinkedQueue<>();
    private final Instant liveStart = Instant.now();
    private final VideoStream hlsTs;
    private final VideoStream hlsFmp4Aes;
    private final VideoStream dash;
    private final Live live;

    private VideoSite(Path clips, TestCertificate certificate) throws Exception {
        this.clips = clips;
        this.certificate = certificate;
        hlsTs = readHls("hls-ts", HLS_TS_PAGE, HLS_TS_MASTER, null);
        hlsFmp4Aes = readHls("hls-fmp4-aes", HLS_FMP4_AES_PAGE, HLS_FMP4_AES_MASTER, MEDIA + "hls-fmp4-aes/key.bin");
        dash = readDash();
        live = new Live(LIVE_PAGE, LIVE_PLAYLIST, SEGMENT, LIVE_WINDOW, hlsTs.best());
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        http = HttpServer.create(loopback, 50);
        https = HttpsServer.create(loopback, 50);
        other = HttpsServer.create(loopback, 50);
        for (HttpsServer s : new HttpsServer[] {https, other}) {
            s.setHttpsConfigurator(new HttpsConfigurator(certificate.sslContext()));
        }
        serve(http, "http://127.0.0.1:" + http.getAddress().getPort());
        serve(https, "https://127.0.0.1:" + https.getAddress().getPort());
        serve(other, "https://localhost:" + other.getAddress().getPort());
    }

    /** Makes the clips if this JVM has not yet (a few seconds; fails naming ffmpeg when it is missing), then serves. */
    public static VideoSite start() throws Exception {
        return new VideoSite(Clips.dir(), TestCertificate.create());
    }

    /** {@code http://127.0.0.1:PORT/path}. */
    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort() + path);
    }

    /** {@code https://127.0.0.1:PORT/path}. */
    public URI https(String path) {
        return URI.create("https://127.0.0.1:" + https.getAddress().getPort() + path);
    }

    /** {@code https://localhost:OTHERPORT/path}: the same site on another origin (and another site, for site isolation). */
    public URI crossOriginUrl(String path) {
        return URI.create("https://localhost:" + other.getAddress().getPort() + path);
    }

    public TestCertificate certificate() {
        return certificate;
    }

    /** The base64 SHA-256 of the certificate's public key, for Chromium's {@code --ignore-certificate-errors-spki-list}. */
    public String spki() {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(certificate.certificate().getPublicKey().getEncoded()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A generated file by its path under the clips folder, e.g. {@code source.mp4}, {@code clip.mp4},
     * {@code clip.webm}, {@code other.mp4} (a different video, for negative tests), {@code hls-ts/360p.mp4} (a
     * rendition's own encode: its decoded frames are the rendition's), {@code hls-fmp4-aes/key.bin}.
     */
    public Path reference(String name) {
        Path p = clips.resolve(name).normalize();
        if (!p.startsWith(clips) || !Files.isRegularFile(p)) {
            throw new IllegalArgumentException("no generated file " + name + " in " + clips);
        }
        return p;
    }

    /** HLS, MPEG-TS segments, 360p and 180p, played by /hls-ts.html. */
    public VideoStream hlsTs() {
        return hlsTs;
    }

    /** HLS, fMP4 segments encrypted AES-128, 360p and 180p, played by /hls-fmp4-aes.html. */
    public VideoStream hlsFmp4Aes() {
        return hlsFmp4Aes;
    }

    /** DASH, 360p and 180p video in one adaptation set and audio in another, played by /dash.html. */
    public VideoStream dash() {
        return dash;
    }

    public Live live() {
        return live;
    }

    /** Every request so far, over all three servers, in order of answer. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The requests so far that {@code which} accepts. */
    public List<Request> requests(Predicate<Request> which) {
        return requests.stream().filter(which).toList();
    }

    /** Forgets the requests so far, e.g. between two pages. */
    public void clearRequests() {
        requests.clear();
    }

    private void serve(HttpServer server, String origin) {
        server.createContext("/", ex -> handle(ex, origin));
        server.setExecutor(pool);
        server.start();
    }

    private void handle(HttpExchange ex, String origin) {
        String method = ex.getRequestMethod();
        String path = ex.getRequestURI().getPath();
        String range = ex.getRequestHeaders().getFirst("Range");
        Reply reply;
        try {
            reply = route(path, ex.getRequestURI().getRawQuery());
        } catch (RuntimeException e) {
            reply = Reply.text(500, "the video test site failed: " + e);
        }
        long sent = 0;
        int status = reply.status;
        try (ex) {
            ex.getRequestBody().readAllBytes();
            Sent s = send(ex, method, reply, range);
            status = s.status;
            sent = s.bytes;
        } catch (IOException e) {
            // the browser went away mid-response (e.g. it had enough of a range); nothing to do
        } finally {
            requests.add(new Request(Instant.now(), origin, method, path, ex.getRequestURI().getRawQuery(), range, status,
                    sent));
        }
    }

    private Reply route(String path, String query) {
        String html = VideoPages.page(path, query, this::crossOriginUrl);
        if (html != null) {
            return new Reply(200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8), false);
        }
        if (path.equals("/favicon.ico")) { // none, but no 404 in every page's console either
            return new Reply(204, "image/x-icon", new byte[0], false);
        }
        if (path.startsWith("/lib/")) {
            byte[] body = resource("/videosite/lib/" + path.substring(5));
            if (body == null && path.endsWith("-player.js")) {
                body = resource("/videosite/" + path.substring(5));
            }
            return body == null ? Reply.text(404, "no such script") : new Reply(200, type(path), body, true);
        }
        if (path.equals(LIVE_PLAYLIST)) {
            return new Reply(200, type(path), livePlaylist().getBytes(StandardCharsets.UTF_8), false);
        }
        Matcher m = LIVE_SEGMENT.matcher(path);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            List<String> loop = live.source().segments();
            return file(loop.get((int) (n % loop.size())).substring(MEDIA.length()), path);
        }
        if (path.startsWith(MEDIA)) {
            return file(path.substring(MEDIA.length()), path);
        }
        return Reply.text(404, "no such page");
    }

    private Reply file(String relative, String path) {
        Path p = clips.resolve(relative).normalize();
        if (!p.startsWith(clips) || !Files.isRegularFile(p)) {
            return Reply.text(404, "no such file");
        }
        try {
            return new Reply(200, type(path), Files.readAllBytes(p), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The live media playlist now: segments n .. n+2 where n is the number of whole segment lengths since the site
     * started; a discontinuity before every segment that starts the loop again (each segment's discontinuity
     * sequence number is its number / 3), and no #EXT-X-ENDLIST.
     */
    String livePlaylist() {
        long first = Duration.between(liveStart, Instant.now()).toMillis() / SEGMENT.toMillis();
        int loop = live.source().segments().size();
        StringBuilder b = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:")
                .append(SEGMENT.toSeconds()).append("\n#EXT-X-MEDIA-SEQUENCE:").append(first)
                .append("\n#EXT-X-DISCONTINUITY-SEQUENCE:").append(first / loop).append('\n');
        for (long n = first; n < first + LIVE_WINDOW; n++) {
            if (n != first && n % loop == 0) {
                b.append("#EXT-X-DISCONTINUITY\n");
            }
            b.append(String.format("#EXTINF:%.6f,%nseg%d.ts%n", SEGMENT.toMillis() / 1000.0, n));
        }
        return b.toString();
    }

    private record Reply(int status, String type, byte[] body, boolean ranges) {
        static Reply text(int status, String text) {
            return new Reply(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8), false);
        }
    }

    private record Sent(int status, long bytes) {
    }

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    /**
     * Sends the reply; a file answers one {@code Range: bytes=a-b} ({@code a-}, {@code -n}) with 206 and
     * Content-Range, an unsatisfiable one with 416, and several ranges with the whole file (200).
     */
    private static Sent send(HttpExchange ex, String method, Reply reply, String range) throws IOException {
        var headers = ex.getResponseHeaders();
        headers.set("Content-Type", reply.type);
        headers.set("Cache-Control", "no-store");
        int status = reply.status;
        byte[] body = reply.body;
        int from = 0;
        int length = body.length;
        if (reply.ranges) {
            headers.set("Accept-Ranges", "bytes");
            Matcher m = range == null ? null : RANGE.matcher(range.trim());
            if (m != null && m.matches() && !(m.group(1).isEmpty() && m.group(2).isEmpty())) {
                long start;
                long end;
                if (m.group(1).isEmpty()) { // the last n bytes
                    start = Math.max(0, body.length - Long.parseLong(m.group(2)));
                    end = body.length - 1L;
                } else {
                    start = Long.parseLong(m.group(1));
                    end = m.group(2).isEmpty() ? body.length - 1L : Math.min(Long.parseLong(m.group(2)), body.length - 1L);
                }
                if (start >= body.length || start > end) {
                    headers.set("Content-Range", "bytes */" + body.length);
                    ex.sendResponseHeaders(416, -1);
                    return new Sent(416, 0);
                }
                status = 206;
                from = (int) start;
                length = (int) (end - start + 1);
                headers.set("Content-Range", "bytes " + start + "-" + end + "/" + body.length);
            }
        }
        if (method.equals("HEAD")) {
            headers.set("Content-Length", Integer.toString(length));
            ex.sendResponseHeaders(status, -1);
            return new Sent(status, 0);
        }
        ex.sendResponseHeaders(status, length == 0 ? -1 : length);
        ex.getResponseBody().write(body, from, length);
        return new Sent(status, length);
    }

    static String type(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        String ext = name.substring(name.lastIndexOf('.') + 1);
        return switch (ext) {
            case "m3u8" -> "application/vnd.apple.mpegurl";
            case "ts" -> "video/mp2t";
            case "m4s" -> "video/iso.segment";
            case "mp4" -> "video/mp4";
            case "mpd" -> "application/dash+xml";
            case "webm" -> "video/webm";
            case "js" -> "text/javascript";
            case "html" -> "text/html; charset=utf-8";
            default -> "application/octet-stream"; // the AES-128 key, key.bin
        };
    }

    private static byte[] resource(String name) {
        try (InputStream in = VideoSite.class.getResourceAsStream(name)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- what the generated manifests declare ---

    private static final Pattern ATTRIBUTE = Pattern.compile("([A-Z0-9-]+)=(\"[^\"]*\"|[^,]*)");

    private VideoStream readHls(String dir, String page, String master, String key) throws IOException {
        List<Rendition> renditions = new ArrayList<>();
        List<String> lines = Files.readAllLines(clips.resolve(dir).resolve("master.m3u8"));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("#EXT-X-STREAM-INF:")) {
                Map<String, String> attrs = new LinkedHashMap<>();
                Matcher m = ATTRIBUTE.matcher(lines.get(i).substring("#EXT-X-STREAM-INF:".length()));
                while (m.find()) {
                    attrs.put(m.group(1), m.group(2).replace("\"", ""));
                }
                String playlist = lines.get(i + 1).trim(); // 360p/index.m3u8
                String name = playlist.substring(0, playlist.indexOf('/'));
                String[] wh = attrs.get("RESOLUTION").split("x");
                String init = null;
                List<String> segments = new ArrayList<>();
                for (String line : Files.readAllLines(clips.resolve(dir).resolve(playlist))) {
                    if (line.startsWith("#EXT-X-MAP:")) {
                        Matcher uri = Pattern.compile("URI=\"([^\"]+)\"").matcher(line);
                        if (uri.find()) {
                            init = MEDIA + dir + "/" + name + "/" + uri.group(1);
                        }
                    } else if (!line.isBlank() && !line.startsWith("#")) {
                        segments.add(MEDIA + dir + "/" + name + "/" + line.trim());
                    }
                }
                renditions.add(new Rendition(name, Integer.parseInt(wh[0]), Integer.parseInt(wh[1]),
                        Long.parseLong(attrs.get("BANDWIDTH")), attrs.get("CODECS"), MEDIA + dir + "/" + playlist, init,
                        List.copyOf(segments), dir + "/" + name + ".mp4"));
            }
        }
        return new VideoStream(dir, page, master, DURATION, List.copyOf(renditions), null, key);
    }

    private VideoStream readDash() throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document mpd = factory.newDocumentBuilder().parse(clips.resolve("dash/manifest.mpd").toFile());
        List<Rendition> video = new ArrayList<>();
        Rendition audio = null;
        NodeList reps = mpd.getElementsByTagNameNS("*", "Representation");
        for (int i = 0; i < reps.getLength(); i++) {
            Element rep = (Element) reps.item(i);
            Element template = (Element) rep.getElementsByTagNameNS("*", "SegmentTemplate").item(0);
            String id = rep.getAttribute("id");
            long timescale = Long.parseLong(template.getAttribute("timescale"));
            double seconds = Double.parseDouble(template.getAttribute("duration")) / timescale;
            int count = (int) Math.ceil(DURATION.toMillis() / 1000.0 / seconds - 1e-9);
            int start = Integer.parseInt(template.getAttribute("startNumber"));
            List<String> segments = new ArrayList<>();
            for (int n = start; n < start + count; n++) {
                segments.add(MEDIA + "dash/" + dashName(template.getAttribute("media"), id, n));
            }
            String init = MEDIA + "dash/" + dashName(template.getAttribute("initialization"), id, 0);
            boolean isAudio = rep.getAttribute("mimeType").startsWith("audio/");
            int width = isAudio ? 0 : Integer.parseInt(rep.getAttribute("width"));
            int height = isAudio ? 0 : Integer.parseInt(rep.getAttribute("height"));
            String name = isAudio ? "audio" : height + "p";
            Rendition r = new Rendition(name, width, height, Long.parseLong(rep.getAttribute("bandwidth")),
                    rep.getAttribute("codecs"), null, init, List.copyOf(segments), isAudio ? "dash/360p.mp4" : "dash/" + name + ".mp4");
            if (isAudio) {
                audio = r;
            } else {
                video.add(r);
            }
        }
        return new VideoStream("dash", DASH_PAGE, DASH_MANIFEST, DURATION, List.copyOf(video), audio, null);
    }

    private static String dashName(String template, String id, int number) {
        Matcher m = Pattern.compile("\\$(RepresentationID|Number)(?:%0(\\d+)d)?\\$").matcher(template);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String value = m.group(1).equals("RepresentationID") ? id
                    : m.group(2) == null ? Integer.toString(number) : String.format("%0" + m.group(2) + "d", number);
            m.appendReplacement(b, Matcher.quoteReplacement(value));
        }
        return m.appendTail(b).toString();
    }

    @Override
    public void close() {
        http.stop(0);
        https.stop(0);
        other.stop(0);
        pool.shutdownNow();
    }
}
