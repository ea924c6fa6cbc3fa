#!/usr/bin/env python3
"""Local pages for the capture benchmarks (not a test), served on 127.0.0.1:PORT until killed.

Realistic pages: /doc.html (a long documentation page with 8 figures), /post.html (a social post with avatar,
photo and comments), /gallery.html (a lazy gallery of 24 images loaded as they scroll into view), /r/1 (a chain
of 3 redirects ending at /post.html). Pages that never finish: /stalled-image.html (a picture whose head and
first 200 bytes come, then nothing, ever) and /long-poll.html (a script that asks /news, which answers after
25 s, forever). Usage: python3 bench/pages.py PORT
"""
import http.server, socketserver, struct, sys, time, zlib

def png(w, h, rgb):
    raw = b''.join(b'\x00' + bytes(rgb) * w for _ in range(h))
    chunk = lambda t, d: struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
    return b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 2, 0, 0, 0)) \
        + chunk(b'IDAT', zlib.compress(raw)) + chunk(b'IEND', b'')

IMAGES = {'/img/%d.png' % i: png(640, 360, ((i * 37) % 256, (i * 91) % 256, (i * 53) % 256)) for i in range(40)}
IMAGES['/img/avatar.png'] = png(64, 64, (0x88, 0x44, 0x22))
HEAD = '<!DOCTYPE html><html><head><meta charset="utf-8"><title>%s</title><style>body{font:16px sans-serif;' \
       'max-width:900px;margin:auto}img{display:block;margin:12px 0}</style></head><body>'
PARA = '<p>' + 'Each option is described with its default, its bounds and an example of its use. ' * 12 + '</p>'
PAGES = {
    '/doc.html': HEAD % 'Reference manual' + '<h1>Reference manual</h1>' + ''.join(
        '<h2>Section %d</h2>%s%s<figure><img src="/img/%d.png" width="640" height="360" alt="figure %d">'
        '<figcaption>Figure %d</figcaption></figure>%s' % (i, PARA, PARA, i, i, i, PARA) for i in range(1, 9)) + '</body></html>',
    '/post.html': HEAD % 'Post by @someone' + '<article><header><img src="/img/avatar.png" width="64" height="64" '
        'alt="avatar"><b>@someone</b> posted</header><p>Look at this picture of you.</p>'
        '<img src="/img/20.png" width="640" height="360" alt="photo"><section id="comments">' + ''.join(
        '<div class="comment"><img src="/img/avatar.png" width="32" height="32" alt=""><p>Comment %d: '
        'shared it again.</p></div>' % i for i in range(12)) + '</section></article></body></html>',
    '/gallery.html': HEAD % 'Gallery' + '<h1>Gallery</h1>' + ''.join(
        '<img loading="lazy" src="/img/%d.png" width="640" height="360" alt="picture %d">' % (i, i)
        for i in range(10, 34)) + '</body></html>',
    '/stalled-image.html': HEAD % 'Stalled' + '<h1>A picture that never finishes</h1>'
        '<img src="/img/1.png" width="640" height="360" alt="ok"><img src="/stall.png" width="640" height="360" '
        'alt="stalled"></body></html>',
    '/long-poll.html': HEAD % 'Live' + '<h1>Live updates</h1><img src="/img/2.png" width="640" height="360" alt="ok">'
        '<div id="news"></div><script>async function poll() { try { const r = await fetch("/news?t=" + Date.now());'
        ' document.getElementById("news").append(await r.text()); } catch (e) {} setTimeout(poll, 0); } poll();'
        '</script></body></html>',
}

class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = 'HTTP/1.1'

    def log_message(self, *args):
        pass

    def send(self, status, ctype, body, extra=()):
        self.send_response(status)
        self.send_header('Content-Type', ctype)
        self.send_header('Content-Length', str(len(body)))
        self.send_header('Cache-Control', 'no-store')
        for k, v in extra:
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        path = self.path.split('?')[0]
        if path in PAGES:
            self.send(200, 'text/html; charset=utf-8', PAGES[path].encode())
        elif path in IMAGES:
            self.send(200, 'image/png', IMAGES[path])
        elif path.startswith('/r/'):
            n = int(path[3:])
            self.send(302, 'text/plain', b'moved', [('Location', '/r/%d' % (n + 1) if n < 3 else '/post.html')])
        elif path == '/stall.png':
            self.send_response(200)
            self.send_header('Content-Type', 'image/png')
            self.send_header('Content-Length', '50000')
            self.end_headers()
            self.wfile.write(IMAGES['/img/3.png'][:200])
            self.wfile.flush()
            time.sleep(3600)
        elif path == '/news':
            time.sleep(25)
            self.send(200, 'text/plain', b'news ')
        else:
            self.send(404, 'text/plain', b'not here')

class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # a browser that quits drops its idle keep-alive connections: not worth a traceback in a benchmark's output
        if not isinstance(sys.exc_info()[1], ConnectionResetError):
            super().handle_error(request, client_address)

Server(('127.0.0.1', int(sys.argv[1])), Handler).serve_forever()
