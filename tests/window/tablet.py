"""A tablet on the counter, for the real-window tests: headless Chromium (driven over
WebDriver by chromedriver) keeps the customer display's tablet page open and logs each change
of what it shows, with the time it was seen, until it is stopped.

    python3 tests/window/tablet.py URL LOG SHOTS_PREFIX

Each line of LOG: unix time, a tab, the page's text (headline and details). A screenshot of
each new screen goes to SHOTS_PREFIX-N.png. A phone joins with `join URL NAME CONTACT`:

    python3 tests/window/tablet.py join URL NAME CONTACT SHOT
"""
import base64, json, os, socket, subprocess, sys, tempfile, time, urllib.request

def free_port():
    s = socket.socket(); s.bind(("127.0.0.1", 0)); p = s.getsockname()[1]; s.close(); return p

class Browser:
    def __init__(self, width, height):
        self.port = free_port()
        self.driver = subprocess.Popen(["/usr/bin/chromedriver", f"--port={self.port}"],
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.base = f"http://127.0.0.1:{self.port}"
        self.profile = tempfile.mkdtemp()
        for _ in range(100):
            try:
                urllib.request.urlopen(self.base + "/status", timeout=1); break
            except OSError:
                time.sleep(0.1)
        caps = {"capabilities": {"alwaysMatch": {"goog:chromeOptions": {
            "binary": "/usr/bin/chromium",
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu",
                     f"--user-data-dir={self.profile}", f"--window-size={width},{height}"]}}}}
        self.session = self.call("POST", "/session", caps)["sessionId"]

    def call(self, method, path, body=None):
        data = json.dumps(body if body is not None else {}).encode() if method == "POST" else None
        req = urllib.request.Request(self.base + path, data=data, method=method,
                                     headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=60) as r:
            return json.load(r)["value"]

    def s(self, path, method="GET", body=None):
        return self.call(method, f"/session/{self.session}{path}", body)

    def go(self, url): self.s("/url", "POST", {"url": url})
    def js(self, script): return self.s("/execute/sync", "POST", {"script": script, "args": []})
    def shot(self, path):
        open(path, "wb").write(base64.b64decode(self.s("/screenshot")))
    def find(self, css):
        v = self.s("/element", "POST", {"using": "css selector", "value": css})
        return list(v.values())[0]
    def type(self, css, text): self.s(f"/element/{self.find(css)}/value", "POST", {"text": text})
    def click(self, css): self.s(f"/element/{self.find(css)}/click", "POST", {})
    def close(self):
        try: self.call("DELETE", f"/session/{self.session}")
        except Exception: pass
        self.driver.kill()

TEXT = "return Array.from(document.querySelectorAll('main h1, main p.detail')).map(e => e.textContent).join(' | ')"

def watch(url, log, prefix):
    b = Browser(1024, 768)
    try:
        b.go(url)
        last, n = None, 0
        with open(log, "a") as out:
            while True:
                text = b.js(TEXT)
                if text != last:
                    out.write(f"{time.time():.3f}\t{text}\n"); out.flush()
                    n += 1
                    b.shot(f"{prefix}-{n}.png")
                    last = text
                time.sleep(0.05)
    finally:
        b.close()

def join(url, name, contact, shot):
    b = Browser(390, 844)
    try:
        b.go(url)
        b.type("#name", name)
        b.type("#contact", contact)
        b.click("button[type=submit]")
        for _ in range(100):
            if "member" in b.js("return document.body.textContent"):
                break
            time.sleep(0.1)
        b.shot(shot)
    finally:
        b.close()

if __name__ == "__main__":
    if sys.argv[1] == "join":
        join(*sys.argv[2:6])
    else:
        watch(*sys.argv[1:4])
