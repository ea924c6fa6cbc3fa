#!/usr/bin/env python3
"""The floor of one capture's browser work (a benchmark part, not a test): what Chromium alone takes to load a page
and make the artifacts `exhibit capture` keeps from it, with nothing of Exhibit's around it.

No JVM, no WebDriver, no recording proxy, no scrolling, no waiting for the network, no files written: a new headless
Chromium driven over --remote-debugging-pipe (the DevTools protocol, Python's standard library only) opens a tab at
Exhibit's viewport (1366x900), loads URL, and (unless the second argument is 0: the load alone) asks for what a
capture keeps from the browser: the first screen and the whole page as PNG, the DOM, MHTML and PDF; then it closes
the browser. It prints the seconds of each phase on one line, or exits 1 with a line saying what went wrong. bench/single-capture.sh times it in the same run as `exhibit capture` and
`jwarc record`: any tool that keeps these artifacts through Chromium takes at least this long.
Usage: python3 bench/chromium-floor.py URL [0|1]     (CHROMIUM: the browser, default /usr/bin/chromium)
"""
import json, os, shutil, subprocess, sys, tempfile, time

url = sys.argv[1]
artifacts = (sys.argv[2] if len(sys.argv) > 2 else '1') != '0'
start = time.time()
to_browser, from_browser = os.pipe(), os.pipe()
profile = tempfile.mkdtemp(prefix='chromium-floor.')


def pipes():  # in the child: fd 3 reads the commands, fd 4 writes the answers (what --remote-debugging-pipe expects)
    cmd, ans = os.dup(to_browser[0]), os.dup(from_browser[1])
    os.dup2(cmd, 3)
    os.dup2(ans, 4)
    os.set_inheritable(3, True)
    os.set_inheritable(4, True)


chromium = os.environ.get('CHROMIUM', '/usr/bin/chromium')
try:
    browser = subprocess.Popen([chromium, '--headless', '--no-sandbox',
                                '--remote-debugging-pipe', '--user-data-dir=' + profile, '--window-size=1366,900',
                                '--disable-background-networking', '--disable-component-update', '--no-first-run',
                                '--disable-sync', '--disable-breakpad', 'about:blank'],
                               preexec_fn=pipes, close_fds=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
except OSError as e:
    sys.exit('chromium-floor: cannot start %s (set CHROMIUM to the browser): %s' % (chromium, e.strerror))
os.close(to_browser[0])
os.close(from_browser[1])
send_to = os.fdopen(to_browser[1], 'wb', buffering=0)
read_from = os.fdopen(from_browser[0], 'rb', buffering=0)
pending, last_id = b'', 0


def message():
    global pending
    while b'\0' not in pending:
        chunk = read_from.read(1 << 20)
        if not chunk:
            sys.exit('chromium-floor: Chromium closed the DevTools pipe')
        pending += chunk
    text, pending = pending.split(b'\0', 1)
    return json.loads(text)


def call(method, params=None, session=None):
    global last_id
    last_id += 1
    request = {'id': last_id, 'method': method, 'params': params or {}}
    if session:
        request['sessionId'] = session
    send_to.write(json.dumps(request).encode() + b'\0')
    while True:
        answer = message()
        if answer.get('id') == last_id:
            if 'error' in answer:
                sys.exit('chromium-floor: %s: %s' % (method, answer['error']))
            return answer['result']


target = call('Target.createTarget', {'url': 'about:blank'})['targetId']
tab = call('Target.attachToTarget', {'targetId': target, 'flatten': True})['sessionId']
call('Page.enable', None, tab)
started = time.time()
call('Page.navigate', {'url': url}, tab)
while message().get('method') != 'Page.loadEventFired':
    pass
loaded = time.time()
sizes = []
if artifacts:
    sizes.append(len(call('Page.captureScreenshot', {'format': 'png'}, tab)['data']))
    size = call('Page.getLayoutMetrics', None, tab)['cssContentSize']
    clip = {'x': 0, 'y': 0, 'width': size['width'], 'height': size['height'], 'scale': 1}
    sizes.append(len(call('Page.captureScreenshot', {'format': 'png', 'captureBeyondViewport': True, 'clip': clip}, tab)['data']))
    sizes.append(len(call('Runtime.evaluate', {'expression': 'document.documentElement.outerHTML', 'returnByValue': True},
                          tab)['result']['value']))
    sizes.append(len(call('Page.captureSnapshot', {'format': 'mhtml'}, tab)['data']))
    sizes.append(len(call('Page.printToPDF', {}, tab)['data']))
made = time.time()
send_to.write(json.dumps({'id': last_id + 1, 'method': 'Browser.close'}).encode() + b'\0')
try:
    browser.wait(timeout=10)
except subprocess.TimeoutExpired:
    browser.kill()
    sys.exit('chromium-floor: Chromium did not close within 10 s of Browser.close')
shutil.rmtree(profile, ignore_errors=True)
end = time.time()
print('browser %.2f load %.2f artifacts %.2f close %.2f total %.2f (base64 sizes: %s)'
      % (started - start, loaded - started, made - loaded, end - made, end - start, ' '.join(map(str, sizes)) or '-'))
