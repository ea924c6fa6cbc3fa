package org.exhibit.capture.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.exhibit.format.layout.CaptureFolder;
import org.exhibit.integrity.digest.Sha256;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * The images the page made itself and showed, read back in the top document: each visible {@code <img>} shown
 * from a {@code blob:} URL (the blob's bytes, exactly) and each visible {@code <canvas>} of at least 16 x 16 pixels
 * that is not tainted by cross-origin content (its pixels as PNG). Written to {@code decoded/<sha256>.<ext>}.
 *
 * <pre>{@code
 * DecodedImages.Read r = DecodedImages.read(session, folder, Duration.ofSeconds(30), kept::add);
 * r.images();  // [DecodedImage[file=decoded/3f…a1.png, url=blob:http://…], DecodedImage[file=…, url=canvas#chart]]
 * r.message(); // "saved 2 (1 blob image, 1 canvas); skipped 1 tainted canvas"
 * }</pre>
 */
final class DecodedImages {
    /** At most this many images are read; the rest are counted as over the bound. */
    static final int MAX_COUNT = 200;
    /** At most this many bytes in all; an image that would pass it is counted as over the bound. */
    static final long MAX_BYTES = 50L * 1024 * 1024;
    static final int MIN_CANVAS = 16;

    /**
     * @param images   what was saved, in document order (blob images, then canvases); one entry per file
     * @param message  how many were saved and skipped, and why
     * @param over     true when some were left out because of the bound
     */
    record Read(List<DecodedImage> images, String message, boolean over) {
    }

    private static final String SCRIPT = """
            var done = arguments[arguments.length - 1];
            var maxCount = arguments[0], maxBytes = arguments[1], minSide = arguments[2];
            var out = {items: [], tainted: 0, small: 0, over: 0, unreadable: 0, failed: 0};
            var bytes = 0;
            function visible(el) {
              var r = el.getBoundingClientRect(), s = getComputedStyle(el);
              return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none';
            }
            function b64(buf) {
              var u = new Uint8Array(buf), s = '', chunk = 0x8000;
              for (var i = 0; i < u.length; i += chunk) s += String.fromCharCode.apply(null, u.subarray(i, i + chunk));
              return btoa(s);
            }
            (async function () {
              var seen = new Set();
              for (var img of Array.from(document.images)) {
                var src = img.currentSrc || '';
                if (!src.startsWith('blob:') || seen.has(src) || !visible(img)) continue;
                seen.add(src);
                if (out.items.length >= maxCount) { out.over++; continue; }
                try {
                  var r = await fetch(src);
                  var buf = await r.arrayBuffer();
                  if (bytes + buf.byteLength > maxBytes) { out.over++; continue; }
                  bytes += buf.byteLength;
                  out.items.push({kind: 'blob', url: src, type: r.headers.get('content-type') || '', data: b64(buf)});
                } catch (e) { out.unreadable++; }
              }
              var canvases = Array.from(document.getElementsByTagName('canvas'));
              for (var i = 0; i < canvases.length; i++) {
                var c = canvases[i];
                if (!visible(c)) continue;
                if (c.width < minSide || c.height < minSide) { out.small++; continue; }
                if (out.items.length >= maxCount) { out.over++; continue; }
                var url;
                try { url = c.toDataURL('image/png'); }
                catch (e) { if (e && e.name === 'SecurityError') out.tainted++; else out.failed++; continue; }
                var data = url.substring(url.indexOf(',') + 1);
                var n = Math.floor(data.length * 3 / 4);
                if (bytes + n > maxBytes) { out.over++; continue; }
                bytes += n;
                out.items.push({kind: 'canvas', url: c.id ? 'canvas#' + c.id : 'canvas[' + (i + 1) + ']',
                  type: 'image/png', data: data});
              }
              return out;
            })().then(done, function (e) { done({error: String(e)}); });
            """;

    private DecodedImages() {
    }

    /**
     * Reads the images in the top document of {@code session} and writes them under {@code folder}; each file is
     * also given to {@code written} as soon as it is in place, so a step cut short still lists what it wrote.
     */
    static Read read(BrowserSession session, Path folder, Duration timeout,
                     java.util.function.Consumer<DecodedImage> written) throws IOException {
        WebDriver driver = session.driver();
        driver.switchTo().defaultContent();
        Duration before = driver.manage().timeouts().getScriptTimeout();
        Object result;
        driver.manage().timeouts().scriptTimeout(timeout);
        try {
            result = ((JavascriptExecutor) driver).executeAsyncScript(SCRIPT, MAX_COUNT, MAX_BYTES, MIN_CANVAS);
        } finally {
            driver.manage().timeouts().scriptTimeout(before);
        }
        if (!(result instanceof Map<?, ?> map)) {
            throw new IOException("the page gave no answer about its images");
        }
        if (map.get("error") != null) {
            throw new IOException("reading the page's images failed: " + map.get("error"));
        }
        Map<String, DecodedImage> saved = new LinkedHashMap<>();
        int blobs = 0;
        int canvases = 0;
        Object items = map.get("items");
        for (Object o : items instanceof List<?> l ? l : List.of()) {
            Map<?, ?> item = (Map<?, ?>) o;
            byte[] bytes = PageSteps.base64(item.get("data"));
            boolean canvas = "canvas".equals(item.get("kind"));
            String ext = canvas ? "png" : extension(String.valueOf(item.get("type")), bytes);
            String name = CaptureFolder.decoded(Sha256.ofBytes(bytes).hex(), ext);
            if (saved.containsKey(name)) {
                continue; // the same image twice: one file, under the first URL
            }
            Path file = folder.resolve(name);
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling("." + file.getFileName() + ".part");
            Files.write(tmp, bytes);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            DecodedImage kept = new DecodedImage(name, String.valueOf(item.get("url")));
            saved.put(name, kept);
            written.accept(kept);
            if (canvas) {
                canvases++;
            } else {
                blobs++;
            }
        }
        int tainted = number(map.get("tainted"));
        int small = number(map.get("small"));
        int over = number(map.get("over"));
        int unreadable = number(map.get("unreadable"));
        int failed = number(map.get("failed"));
        StringBuilder m = new StringBuilder("saved ").append(saved.size()).append(" (")
                .append(count(blobs, "blob image")).append(", ").append(count(canvases, "canvas")).append(')');
        List<String> skipped = new ArrayList<>();
        if (tainted > 0) {
            skipped.add(count(tainted, "tainted canvas") + " (cross-origin content: the browser refuses to read it)");
        }
        if (small > 0) {
            skipped.add(count(small, "canvas") + " smaller than " + MIN_CANVAS + " x " + MIN_CANVAS + " px");
        }
        if (over > 0) {
            skipped.add(over + " over the bound (" + MAX_COUNT + " images, " + MAX_BYTES / (1024 * 1024) + " MB)");
        }
        if (unreadable > 0) {
            skipped.add(count(unreadable, "blob image") + " whose blob could not be read (revoked)");
        }
        if (failed > 0) {
            skipped.add(count(failed, "canvas") + " that could not be read");
        }
        if (!skipped.isEmpty()) {
            m.append("; skipped ").append(String.join(", ", skipped));
        }
        return new Read(List.copyOf(saved.values()), m.toString(), over > 0);
    }

    private static String count(int n, String what) {
        String plural = what.endsWith("canvas") ? what + "es" : what + "s";
        return n + " " + (n == 1 ? what : plural);
    }

    private static int number(Object o) {
        return o instanceof Number n ? n.intValue() : 0;
    }

    /** The file extension from the blob's type, or else from its first bytes; {@code bin} when neither says. */
    static String extension(String type, byte[] b) {
        String t = type == null ? "" : type.toLowerCase(Locale.ROOT);
        int semi = t.indexOf(';');
        t = (semi < 0 ? t : t.substring(0, semi)).trim();
        switch (t) {
            case "image/png": return "png";
            case "image/jpeg", "image/jpg", "image/pjpeg": return "jpg";
            case "image/gif": return "gif";
            case "image/webp": return "webp";
            case "image/avif": return "avif";
            case "image/bmp": return "bmp";
            case "image/svg+xml": return "svg";
            case "image/x-icon", "image/vnd.microsoft.icon": return "ico";
            default: break;
        }
        if (starts(b, 0x89, 'P', 'N', 'G')) {
            return "png";
        }
        if (starts(b, 0xFF, 0xD8, 0xFF)) {
            return "jpg";
        }
        if (starts(b, 'G', 'I', 'F', '8')) {
            return "gif";
        }
        if (starts(b, 'R', 'I', 'F', 'F') && b.length >= 12 && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') {
            return "webp";
        }
        if (starts(b, 'B', 'M')) {
            return "bmp";
        }
        if (b.length >= 12 && b[4] == 'f' && b[5] == 't' && b[6] == 'y' && b[7] == 'p' && b[8] == 'a' && b[9] == 'v') {
            return "avif";
        }
        String head = new String(b, 0, Math.min(b.length, 256), java.nio.charset.StandardCharsets.ISO_8859_1).trim();
        if (head.startsWith("<svg") || head.startsWith("<?xml") && head.contains("<svg")) {
            return "svg";
        }
        return "bin";
    }

    private static boolean starts(byte[] b, int... head) {
        if (b.length < head.length) {
            return false;
        }
        for (int i = 0; i < head.length; i++) {
            if ((b[i] & 0xFF) != head[i]) {
                return false;
            }
        }
        return true;
    }
}
