package org.exhibit.capture.browser;

/** The scripts that read a document (the page's, or a frame's) as it is rendered. */
final class PageScripts {
    /**
     * The document's DOM: the doctype and the root element, with every open shadow root serialised inside its
     * host as a declarative {@code <template shadowrootmode="open">} ({@code Element.getHTML}), so text inside
     * web components is kept. Closed shadow roots cannot be read by a page script and are not.
     */
    static final String DOM = """
            const roots = [];
            const walk = n => n.querySelectorAll('*').forEach(e => {
              if (e.shadowRoot) { roots.push(e.shadowRoot); walk(e.shadowRoot); }
            });
            walk(document);
            const d = document.doctype;
            const head = d ? new XMLSerializer().serializeToString(d) + '\\n' : '';
            const h = document.documentElement;
            if (!h) return head;
            if (roots.length === 0 || typeof h.getHTML !== 'function') return head + h.outerHTML;
            const empty = h.cloneNode(false).outerHTML;
            const end = '</' + h.localName + '>';
            return head + empty.slice(0, empty.length - end.length)
                + h.getHTML({serializableShadowRoots: true, shadowRoots: roots}) + end;""";

    /**
     * The text of the document as rendered, as a person can read and select it: hidden elements left out. The
     * body's {@code innerText}, which does not enter shadow roots; when the document has open shadow roots, the
     * way down to each of them (and to each slot) is walked through the flat tree, block elements on separate
     * lines, and every subtree without one is read by its own {@code innerText}.
     */
    static final String TEXT = """
            if (!document.body) return '';
            const roots = [];
            const find = n => n.querySelectorAll('*').forEach(e => {
              if (e.shadowRoot) { roots.push(e.shadowRoot); find(e.shadowRoot); }
            });
            find(document);
            if (roots.length === 0) return document.body.innerText;
            const onPath = new Set();
            const mark = e => { for (let n = e; n && !onPath.has(n); n = n.parentNode || n.host) onPath.add(n); };
            roots.forEach(r => { mark(r.host); r.querySelectorAll('slot').forEach(mark); });
            const out = [];
            const visit = n => {
              if (n.nodeType === 3) { out.push(n.data.replace(/\\s+/g, ' ')); return; }
              if (n.nodeType === 11) { n.childNodes.forEach(visit); return; }
              if (n.nodeType !== 1 || /^(script|style|noscript|template|head|title)$/i.test(n.localName)) return;
              const d = getComputedStyle(n).display;
              if (d === 'none') return;
              const block = !(d.startsWith('inline') || d === 'contents');
              if (block) out.push('\\n');
              if (!onPath.has(n)) {
                out.push(n.innerText === undefined ? n.textContent : n.innerText);
              } else if (n.shadowRoot) {
                visit(n.shadowRoot);
              } else if (n.localName === 'slot' && n.assignedNodes().length > 0) {
                n.assignedNodes().forEach(visit);
              } else {
                n.childNodes.forEach(visit);
              }
              if (block) out.push('\\n');
            };
            visit(document.body);
            return out.join('').replace(/[ \\t]*\\n[ \\t]*/g, '\\n').replace(/\\n{3,}/g, '\\n\\n')
                .replace(/^\\n+|\\n+$/g, '');""";

    /** The document's URL. */
    static final String URL = "return document.location.href;";

    private PageScripts() {
    }
}
