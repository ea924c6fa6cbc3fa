package org.exhibit.capture.images;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.exhibit.capture.proxy.Exchange;

/**
 * Finds the images a page offers beyond what it loaded: run {@link #DOM_SCRIPT} in the page, then {@link #find}
 * keeps each URL once and leaves out those the page already loaded whole.
 *
 * <pre>{@code
 * List<ImageLink> links = ImageLinks.find(session.script(ImageLinks.DOM_SCRIPT), proxy.exchanges());
 * }</pre>
 */
public final class ImageLinks {
    /** Images looked at most in one page; a gallery larger than this is cut (and a warning says so). */
    public static final int MAX = 500;

    /**
     * Lists {@code [{url, why}]}: for each {@code <img srcset>} and {@code <picture><source srcset>}, its largest
     * candidate (by width descriptor, else by density) when that is not what the image shows; for each link whose
     * path ends in an image file extension, its target. http and https only, resolved against the document's base.
     */
    public static final String DOM_SCRIPT = """
            const http = u => typeof u === 'string' && /^https?:/i.test(u);
            const abs = u => { try { return new URL(u, document.baseURI).href.split('#')[0]; } catch (e) { return null; } };
            const parse = s => {
              const out = [];
              let i = 0;
              while (i < s.length) {
                while (i < s.length && /[\\s,]/.test(s[i])) i++;
                if (i >= s.length) break;
                let j = i;
                while (j < s.length && !/\\s/.test(s[j])) j++;
                let url = s.slice(i, j), desc = '';
                i = j;
                if (/,$/.test(url)) {
                  url = url.replace(/,+$/, '');
                } else {
                  let k = i;
                  while (k < s.length && s[k] !== ',') k++;
                  desc = s.slice(i, k).trim();
                  i = k + 1;
                }
                const m = /^(\\d+(?:\\.\\d+)?)([wx])$/.exec(desc.split(/\\s+/).find(d => /[wx]$/.test(d)) || '');
                out.push({url, desc: desc || '1x', w: m && m[2] === 'w' ? +m[1] : 0,
                          x: m ? (m[2] === 'x' ? +m[1] : 0) : 1});
              }
              return out;
            };
            const largest = s => {
              const c = parse(s || '');
              const byWidth = c.some(x => x.w > 0);
              return c.filter(x => !byWidth || x.w > 0)
                  .reduce((a, b) => !a || (byWidth ? b.w > a.w : b.x > a.x) ? b : a, null);
            };
            const out = [];
            const offer = (srcset, img) => {
              const best = largest(srcset);
              if (!best) return;
              const url = abs(best.url);
              const shown = img && img.currentSrc ? img.currentSrc.split('#')[0] : '';
              if (http(url) && url !== shown) {
                out.push({url, why: 'largest srcset candidate (' + best.desc + ') of an image showing '
                    + (shown || 'nothing yet')});
              }
            };
            document.querySelectorAll('img[srcset]').forEach(img => offer(img.getAttribute('srcset'), img));
            document.querySelectorAll('picture source[srcset]').forEach(s =>
                offer(s.getAttribute('srcset'), s.parentElement.querySelector('img')));
            document.querySelectorAll('a[href]').forEach(a => {
              const url = abs(a.href);
              if (http(url) && /\\.(jpe?g|png|webp|gif|avif)$/i.test(url.split(/[?#]/)[0])) {
                const img = a.querySelector('img');
                out.push({url, why: 'linked image' + (img && img.currentSrc ? ' (a link around an image showing '
                    + img.currentSrc.split('#')[0] + ')' : '')});
              }
            });
            return out;""";

    private ImageLinks() {
    }

    /**
     * @param found     what {@link #DOM_SCRIPT} returned
     * @param exchanges what the recording proxy saw: a URL the page already loaded whole (GET, 200, complete) is
     *                  in the WARC and among the resources already, and is left out
     * @return each URL once, in the order found, at most {@link #MAX}
     */
    public static List<ImageLink> find(Object found, List<Exchange> exchanges) {
        Set<String> loaded = exchanges.stream()
                .filter(x -> x.method().equals("GET") && x.status() == 200 && x.outcome() == Exchange.Outcome.COMPLETE)
                .map(Exchange::uri).collect(Collectors.toSet());
        Map<String, ImageLink> out = new LinkedHashMap<>();
        if (found instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> m && m.get("url") instanceof String url && !loaded.contains(url)) {
                    out.putIfAbsent(url, new ImageLink(url, String.valueOf(m.get("why"))));
                }
            }
        }
        return new ArrayList<>(out.values());
    }
}
