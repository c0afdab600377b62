#!/usr/bin/env python3
"""Drive `readout review` in headless Chromium, as a reviewer would, and check the .ann file.

    python3 scripts/review-browser.py [--readout .build/debug/readout] [--screenshot review.png]

Copies the bundled sample (Annotations/) to a temporary folder, starts `readout review` on it
and Debian's `chromium` headless with its DevTools port, opens the page, and then uses only the
page's keyboard: `a` accepts the selected annotation (the first pending one), `r` rejects the
next; then it selects two capitalised words of plain text with a DOM range and adds them with
the panel's button. It checks that the .ann file now marks the first as Reviewed, no longer
holds the second and holds the added one, that the page shows the new counts, that the review
log holds the three decisions and that `readout check` passes; it saves two screenshots (the
second with a stance selected: cue, holders and target drawn). Exit status 0 when all of that holds. Needs: chromium (apt-get install chromium),
Python 3 standard library only (the DevTools WebSocket client is below).
"""
import argparse, base64, json, os, re, shutil, socket, struct, subprocess, sys, tempfile, time, urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


class DevTools:
    """A minimal WebSocket client (RFC 6455) for one Chromium page's DevTools endpoint."""

    def __init__(self, url):
        m = re.match(r"ws://([^/:]+):(\d+)(/.*)", url)
        host, port, path = m.group(1), int(m.group(2)), m.group(3)
        self.sock = socket.create_connection((host, port), timeout=30)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall((f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nUpgrade: websocket\r\n"
                           f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n").encode())
        head = b""
        while b"\r\n\r\n" not in head:
            head += self.sock.recv(1)
        if b" 101 " not in head.split(b"\r\n")[0]:
            raise RuntimeError(f"DevTools refused the WebSocket: {head!r}")
        self.next_id = 0

    def _send(self, text):
        data = text.encode()
        header = bytes([0x81])
        n = len(data)
        header += bytes([0x80 | n]) if n < 126 else bytes([0x80 | 126]) + struct.pack(">H", n) if n < 65536 else bytes([0x80 | 127]) + struct.pack(">Q", n)
        mask = os.urandom(4)
        self.sock.sendall(header + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(data)))

    def _exact(self, n):
        data = b""
        while len(data) < n:
            chunk = self.sock.recv(n - len(data))
            if not chunk:
                raise RuntimeError("DevTools closed the connection")
            data += chunk
        return data

    def _receive(self):
        message = b""
        while True:
            b0, b1 = self._exact(2)
            n = b1 & 0x7F
            if n == 126:
                n = struct.unpack(">H", self._exact(2))[0]
            elif n == 127:
                n = struct.unpack(">Q", self._exact(8))[0]
            message += self._exact(n)
            if b0 & 0x80:
                return json.loads(message)

    def call(self, method, **params):
        self.next_id += 1
        self._send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            reply = self._receive()
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        return result.get("result", {}).get("value")

    def wait_for(self, expression, what, timeout=20):
        deadline = time.time() + timeout
        while time.time() < deadline:
            value = self.evaluate(expression)
            if value:
                return value
            time.sleep(0.1)
        raise RuntimeError(f"timed out waiting for {what}")

    def press(self, key):
        self.call("Input.dispatchKeyEvent", type="keyDown", key=key, text=key, code=f"Key{key.upper()}",
                  windowsVirtualKeyCode=ord(key.upper()))
        self.call("Input.dispatchKeyEvent", type="keyUp", key=key, code=f"Key{key.upper()}", windowsVirtualKeyCode=ord(key.upper()))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--readout", default=os.path.join(ROOT, ".build/debug/readout"), help="the built readout binary")
    parser.add_argument("--chromium", default=shutil.which("chromium") or "chromium")
    parser.add_argument("--screenshot", default=os.path.join(tempfile.gettempdir(), "readout-review.png"))
    args = parser.parse_args()
    if not os.access(args.readout, os.X_OK):
        sys.exit(f"review-browser: no readout binary at {args.readout}; run 'swift build' first")
    if not shutil.which(args.chromium):
        sys.exit("review-browser: chromium not found; apt-get install chromium")

    work = tempfile.mkdtemp(prefix="readout-review-")
    collection = os.path.join(work, "collection")
    shutil.copytree(os.path.join(ROOT, "Annotations"), collection)
    ann_files = [f for f in os.listdir(collection) if f.endswith(".ann")]
    ann_path = os.path.join(collection, ann_files[0])
    before = open(ann_path, encoding="utf-8").read()

    server = subprocess.Popen([args.readout, "review", collection, "--port", "0"], stderr=subprocess.PIPE, text=True)
    browser = None
    try:
        line = server.stderr.readline()
        m = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        if not m:
            raise RuntimeError(f"readout review did not start: {line}")
        url = f"http://127.0.0.1:{m.group(1)}/"
        devtools_port = free_port()
        browser = subprocess.Popen([args.chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                                    f"--remote-debugging-port={devtools_port}", f"--user-data-dir={work}/profile",
                                    "--window-size=1400,900", "about:blank"],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.time() + 30
        while True:
            try:
                targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{devtools_port}/json"))
                page = next(t for t in targets if t.get("type") == "page")
                break
            except Exception:
                if time.time() > deadline:
                    raise RuntimeError("chromium's DevTools did not answer")
                time.sleep(0.2)
        tab = DevTools(page["webSocketDebuggerUrl"])
        tab.call("Page.enable")
        tab.call("Page.navigate", url=url)
        tab.wait_for("document.querySelectorAll('.seg.ann').length > 0 && !!state.selected", "the document to load")

        first = tab.evaluate("state.selected")
        print(f"page loaded: {tab.evaluate('state.doc.summary.name')}, selected {first}")
        tab.press("a")
        tab.wait_for(f"state.doc.entities.concat(state.doc.stances).some(x => x.id === '{first}' && x.status === 'accepted')",
                     f"{first} to be accepted")
        second = tab.wait_for(f"state.selected !== '{first}' && state.selected", "the next annotation to be selected")
        second_text = tab.evaluate(f"(state.doc.entities.find(e => e.id === '{second}') || {{}}).text")
        print(f"accepted {first}; now rejecting {second} ({second_text})")
        tab.press("r")
        tab.wait_for(f"!state.doc.entities.concat(state.doc.stances).some(x => x.id === '{second}')", f"{second} to be rejected")
        # Add a missed entity by selecting its text with a DOM range, as a mouse would.
        missed = tab.evaluate("""(() => {
            const walker = document.createTreeWalker(document.getElementById('text'), NodeFilter.SHOW_TEXT);
            for (let node; (node = walker.nextNode());) {
                if (node.parentElement.closest('.ann') || node.parentElement.closest('.tag')) continue;
                const m = node.textContent.match(/[A-Z][a-z]+ [A-Z][a-z]+/);
                if (!m) continue;
                const range = document.createRange();
                range.setStart(node, m.index); range.setEnd(node, m.index + m[0].length);
                getSelection().removeAllRanges(); getSelection().addRange(range);
                document.getElementById('text').dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
                return m[0];
            }
            return null; })()""")
        if missed:
            tab.wait_for("!!state.range", "the selection panel")
            tab.evaluate("[...document.querySelectorAll('#panel button')].find(b => b.textContent === 'Organization').click(); true")
            tab.wait_for(f"state.doc.entities.some(e => e.text === {json.dumps(missed)} && e.label === 'Organization')", "the added entity")
            print(f"added Organization '{missed}' from a text selection")
        counts = tab.evaluate("document.getElementById('document-counts').textContent")
        print(f"page counts: {counts}")
        shot = tab.call("Page.captureScreenshot", format="png")
        with open(args.screenshot, "wb") as f:
            f.write(base64.b64decode(shot["data"]))
        print(f"screenshot: {args.screenshot}")
        # A second picture with the first stance selected: its cue, holders and target drawn.
        tab.evaluate("state.selected = state.doc.stances[0].id; render(); scrollToSelected(); true")
        stance_shot = re.sub(r"(\.png)?$", "-stance.png", args.screenshot, count=1)
        with open(stance_shot, "wb") as f:
            f.write(base64.b64decode(tab.call("Page.captureScreenshot", format="png")["data"]))
        print(f"screenshot: {stance_shot}")

        after = open(ann_path, encoding="utf-8").read()
        problems = []
        if not re.search(rf"^A\d+\tReviewed {first}$", after, re.M):
            problems.append(f"{first} is not marked Reviewed in the .ann file")
        if re.search(rf"^{second}\t", after, re.M) or not re.search(rf"^{second}\t", before, re.M):
            problems.append(f"{second} should have been in the .ann file before and gone after")
        if missed and not re.search(rf"^T\d+\tOrganization \d+ \d+\t{re.escape(missed)}$", after, re.M):
            problems.append(f"the added entity '{missed}' is not in the .ann file")
        if f"{2 if missed else 1} accepted" not in counts or "1 rejected" not in counts:
            problems.append(f"the page shows '{counts}'")
        log = open(os.path.join(collection, "review-log.jsonl"), encoding="utf-8").read().splitlines()
        if [json.loads(l)["action"] for l in log] != ["accept", "reject"] + (["add"] if missed else []):
            problems.append(f"the review log holds {log}")
        check = subprocess.run([args.readout, "check", collection], capture_output=True, text=True)
        if check.returncode != 0:
            problems.append(f"readout check failed: {check.stderr}")
        for p in problems:
            print(f"FAIL: {p}")
        if not problems:
            print(f"OK: {os.path.basename(ann_path)} changed as the page said: {first} accepted, {second} rejected"
                  + (f", '{missed}' added" if missed else "") + "; check passes")
        return 1 if problems else 0
    finally:
        if browser:
            browser.terminate()
            browser.wait()
        server.terminate()
        server.wait()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
