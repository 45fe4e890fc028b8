#!/usr/bin/python3
"""The web page of `eutl serve` in a real browser (headless Chromium via chromedriver
and Selenium, all Debian packages).

Starts `eutl serve --listen 127.0.0.1:0` on a store of the generated fixture lists,
reads the port from its stderr, and then:
  1. loads /, pastes the fixture QWAC, asks "qwac" and submits (JavaScript: fetch()
     to POST /v1/check); reads the verdict and the evidence report link from the DOM,
     follows the link and checks the report renders;
  2. types a host name in the site form: site checks are off by default, so the page
     must show the service's error text;
  3. with JavaScript disabled, uploads the certificate file and submits the form
     (POST /check, multipart/form-data): the server's own result page;
  4. opens /status and /services and searches;
  5. fails on any console error or script error in the browser's log.
Screenshots go to SCREENSHOTS/serve-*.png.

The server runs at 2025-03-01T12:00:00Z, inside the fixture lists' validity (its
hidden test option --now, or libfaketime when that option is refused), and the QWAC
must be confirmed; with neither, the lists are past their NextUpdate and only a
well-formed verdict is required.

Exit 0: passed; 77: skipped (a browser piece is missing, or this eutl has no serve
command), with the reason on stdout; anything else: failed.
"""
import argparse
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

SKIP = 77
# The evidence report (GET /v1/evidence/{id}/report) sends its own Content-Security-
# Policy (inline style only); a console error on it fails the test like one on the page.
REPORT_LOG_STRICT = True
VERDICTS = {"confirmed", "refuted", "indeterminate", "qualified", "not_qualified"}
FAKE_NOW = "2025-03-01T12:00:00Z"


def skip(reason):
    print("serve page: skipped: " + reason)
    sys.exit(SKIP)


try:
    from selenium import webdriver
    from selenium.common.exceptions import TimeoutException, WebDriverException
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import Select, WebDriverWait
except ImportError as e:  # python3-selenium (scripts/install-deps.sh --test)
    skip("python3-selenium is not installed (%s)" % e)


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


class Server:
    """`eutl serve` on a loopback port chosen by the kernel, its stderr collected. The
    clock: "now" (--now FAKE_NOW), "faketime" (libfaketime at FAKE_NOW) or "real"."""

    def __init__(self, eutl, store, anchors, work, clock):
        cmd = [eutl, "serve", "--listen", "127.0.0.1:0", "--store", store, "--lotl-signers", anchors]
        env = dict(os.environ)
        if clock == "now":
            cmd += ["--now", FAKE_NOW]
        elif clock == "faketime":
            cmd = ["faketime", "-f", "@" + FAKE_NOW.replace("T", " ").rstrip("Z")] + cmd
            env["FAKETIME_DONT_FAKE_MONOTONIC"] = "1"
        self.log_path = os.path.join(work, "serve-%s.stderr" % clock)
        self.log = open(self.log_path, "w+")
        self.proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=self.log, env=env)
        self.port = None
        deadline = time.time() + 30
        while time.time() < deadline and self.port is None:
            if self.proc.poll() is not None:
                self.log.close()
                raise Failure("eutl serve exited with %d: %s" % (self.proc.returncode, self.stderr()))
            m = re.search(r"(?:127\.0\.0\.1|localhost|\[::1\]):(\d+)", self.stderr())
            if m:
                self.port = int(m.group(1))
            else:
                time.sleep(0.1)
        check(self.port, "no 'http://127.0.0.1:PORT' on eutl serve's stderr within 30 s: " + self.stderr())
        self.base = "http://127.0.0.1:%d" % self.port

    def stderr(self):
        if not self.log.closed:
            self.log.flush()
        with open(self.log_path) as f:
            return f.read()

    def stop(self):
        if self.log.closed:
            return
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()


def start_server(eutl, store, anchors, work):
    """The server at FAKE_NOW if it can be had, else on the real clock."""
    clocks = ["now"] + (["faketime"] if shutil.which("faketime") else []) + ["real"]
    for clock in clocks:
        try:
            server = Server(eutl, store, anchors, work, clock)
            server.clock = clock
            return server
        except Failure as e:
            if clock == clocks[-1]:
                raise
            print("serve page: no server with clock %s (%s); trying %s" %
                  (clock, " ".join(str(e).split())[:200], clocks[clocks.index(clock) + 1]))


def browser(work, name, javascript):
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium")
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1280,1600", "--user-data-dir=" + os.path.join(work, name)):
        options.add_argument(arg)
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)
    driver.set_page_load_timeout(60)
    return driver


def console_errors(driver):
    return [e for e in driver.get_log("browser") if e.get("level") == "SEVERE"]


def assert_clean_log(driver, where):
    errors = console_errors(driver)
    check(not errors, "%s: errors in the browser's log: %s" % (where, errors))


def screenshot(driver, shots, name):
    path = os.path.join(shots, "serve-%s.png" % name)
    try:
        height = int(driver.execute_script("return Math.max(document.body.scrollHeight, 800)"))
    except WebDriverException:  # scripts disabled in this browser
        height = 1600
    driver.set_window_size(1280, min(height + 40, 4000))
    driver.save_screenshot(path)
    check(os.path.getsize(path) > 10000, path + " is not a real picture")
    print("serve page: screenshot " + path)


def wait(driver, seconds=30):
    return WebDriverWait(driver, seconds)


def verdict_and_report(driver, base, where):
    verdict_box = wait(driver).until(ec.presence_of_element_located((By.ID, "verdict")))
    verdict = verdict_box.get_attribute("data-verdict")
    check(verdict in VERDICTS, "%s: verdict %r is none of %s" % (where, verdict, sorted(VERDICTS)))
    report = driver.find_element(By.ID, "report-link").get_attribute("href")
    record = driver.find_element(By.ID, "record-link").get_attribute("href")
    check(re.fullmatch(re.escape(base) + r"/v1/evidence/[0-9a-f]{64}/report", report),
          "%s: report link %r" % (where, report))
    check(record == report[: -len("/report")], "%s: record link %r" % (where, record))
    return verdict, report


def run(args):
    for tool in ("chromium", "chromedriver"):
        if shutil.which(tool) is None:
            skip(tool + " is not installed (scripts/install-deps.sh --test)")
    help_text = subprocess.run([args.eutl, "serve", "--help"], capture_output=True, text=True)
    if help_text.returncode != 0 or "--listen" not in help_text.stdout + help_text.stderr:
        skip("this eutl has no 'serve' command yet (eutl serve --help: %s)" %
             (help_text.stdout + help_text.stderr).strip()[:200])
    os.makedirs(args.screenshots, exist_ok=True)
    work = tempfile.mkdtemp(prefix="eutl-serve-page-")
    store = os.path.join(work, "store")
    anchors = os.path.join(args.fixtures, "pki", "oj-anchors.pem")
    qwac = os.path.join(args.fixtures, "certs", "qwac.pem")
    imported = subprocess.run([args.eutl, "import", "--store", store, "--lotl-signers", anchors,
                               "--at", "2025-03-01T00:00:00Z", os.path.join(args.fixtures, "lists")],
                              capture_output=True, text=True)
    check(os.path.exists(os.path.join(store, "current")), "eutl import failed: " + imported.stdout + imported.stderr)
    server = start_server(args.eutl, store, anchors, work)
    fake_time = server.clock != "real"
    drivers = []
    try:
        print("serve page: eutl serve at %s (clock: %s%s)" % (server.base, server.clock,
                                                             " " + FAKE_NOW if fake_time else ""))
        # 1. The JavaScript page.
        js = browser(work, "profile-js", True)
        drivers.append(js)
        js.get(server.base + "/")
        check(js.title.startswith("Check a certificate"), "title of /: %r" % js.title)
        wait(js).until(ec.visibility_of_element_located((By.ID, "site-form")))  # app.js ran
        with open(qwac) as f:
            pem = f.read()
        area = js.find_element(By.ID, "certificate")
        area.send_keys(pem)
        check(js.find_element(By.ID, "certificate").get_attribute("value").strip() == pem.strip(),
              "the pasted PEM is not in the textarea")
        Select(js.find_element(By.ID, "claim")).select_by_value("qwac")
        js.find_element(By.ID, "check-button").click()
        verdict, report = verdict_and_report(js, server.base, "JavaScript check")
        check(js.current_url.rstrip("/") == server.base, "the JavaScript check left the page: " + js.current_url)
        if fake_time:
            check(verdict == "confirmed", "the fixture QWAC at %s: verdict %r, want confirmed" % (FAKE_NOW, verdict))
        print("serve page: JavaScript check: verdict %s, report %s" % (verdict, report))
        screenshot(js, args.screenshots, "check")
        assert_clean_log(js, "/ after the check")

        js.get(report)
        body = js.find_element(By.TAG_NAME, "body").text
        check("qwac.example.test" in body, "the evidence report does not name the certificate: " + body[:500])
        check(len(js.find_elements(By.TAG_NAME, "table")) > 0, "the evidence report has no table")
        print("serve page: evidence report renders (%d characters of text)" % len(body))
        screenshot(js, args.screenshots, "report")
        if REPORT_LOG_STRICT:
            assert_clean_log(js, "the evidence report")
        else:
            for e in console_errors(js):
                print("serve page: warning: the evidence report: " + " ".join(e.get("message", "").split())[:300])

        # 2. The host name form: site checks are off unless --allow-site-checks.
        js.get(server.base + "/")
        wait(js).until(ec.visibility_of_element_located((By.ID, "site-form")))
        js.find_element(By.ID, "host").send_keys("qwac.example.test")
        js.find_element(By.ID, "site-button").click()
        error = wait(js).until(ec.presence_of_element_located((By.ID, "error"))).text
        check(error.strip() and "could not run" in error, "the site form shows no error: %r" % error)
        print("serve page: site check refused: " + " ".join(error.split()))
        # fetch() answered 403 (or similar): the browser logs that failed request, which is expected.
        js.get_log("browser")

        # 4. Status and services.
        js.get(server.base + "/status")
        rows = js.find_elements(By.CSS_SELECTOR, "#lists tbody tr")
        check(len(rows) == 5, "/status: %d list rows, want 5" % len(rows))
        check(any(r.get_attribute("data-territory") == "BB" for r in rows), "/status: no BB row")
        stale = [r.find_element(By.CSS_SELECTOR, "td.stale").text for r in rows]
        want = [("n/a (pivot)" if r.find_elements(By.XPATH, "td[2][.='pivot']") else
                 "fresh" if fake_time else "stale") for r in rows]
        check(stale == want, "/status: stale column %s, want %s" % (stale, want))
        screenshot(js, args.screenshots, "status")
        js.get(server.base + "/services")
        if fake_time:
            js.find_element(By.ID, "name").send_keys("beta")
            Select(js.find_element(By.ID, "territory")).select_by_value("BB")
            js.find_element(By.CSS_SELECTOR, "#service-search button").click()
            wait(js).until(ec.presence_of_element_located((By.ID, "services")))
            check("name=beta" in js.current_url, "/services search URL: " + js.current_url)
            ids = [e.text for e in js.find_elements(By.CSS_SELECTOR, "#services tbody td:first-child")]
            check("BB/1/1" in ids, "/services?name=beta: ids %s" % ids)
        else:
            js.find_element(By.ID, "name").send_keys("beta")
            js.find_element(By.CSS_SELECTOR, "#service-search button").click()
            count = wait(js).until(ec.presence_of_element_located((By.ID, "match-count"))).text
            check("name=beta" in js.current_url and count, "/services search: %r at %s" % (count, js.current_url))
        screenshot(js, args.screenshots, "services")
        assert_clean_log(js, "/status and /services")

        # 3. Without JavaScript: the file upload and the server's result page.
        nojs = browser(work, "profile-nojs", False)
        drivers.append(nojs)
        nojs.get(server.base + "/")
        check(not nojs.find_element(By.ID, "site-form").is_displayed(), "the site form shows without JavaScript")
        nojs.find_element(By.ID, "file").send_keys(qwac)
        Select(nojs.find_element(By.ID, "claim")).select_by_value("qwac")
        nojs.find_element(By.ID, "check-button").click()
        wait(nojs).until(ec.url_to_be(server.base + "/check"))
        verdict2, report2 = verdict_and_report(nojs, server.base, "form check without JavaScript")
        check(verdict2 == verdict, "without JavaScript the verdict is %r, with it %r" % (verdict2, verdict))
        print("serve page: form check without JavaScript: verdict %s, report %s" % (verdict2, report2))
        screenshot(nojs, args.screenshots, "check-nojs")
        assert_clean_log(nojs, "POST /check")
    finally:
        for d in drivers:
            d.quit()
        server.stop()
        shutil.rmtree(work, ignore_errors=True)
    print("serve page: ok")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eutl", required=True)
    parser.add_argument("--fixtures", required=True)
    parser.add_argument("--screenshots", required=True)
    args = parser.parse_args()
    for key in ("eutl", "fixtures", "screenshots"):
        setattr(args, key, os.path.abspath(getattr(args, key)))
    try:
        run(args)
    except (Failure, WebDriverException) as e:
        print("serve page: FAILED: %s" % e)
        sys.exit(1)


if __name__ == "__main__":
    main()
