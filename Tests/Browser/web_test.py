#!/usr/bin/env python3
"""The web page in a real browser: headless Chromium (Debian's chromium + chromium-driver) driven by Selenium,
against a running GacetaChat stack over HTTPS.

Run by Tests/EndToEndTests/WebPageTests.swift, which ingests the fixture editions this script expects (Nº 140 of
2024-08-01: calzado escolar, salario mínimo, CCSS; Nº 141 of 2024-08-02: 14 pages of "Licitación pública número N"),
starts the stack with a model stub that streams its answer in several pieces, and passes --master-pid so the last
check can stop the pool. Prints one line per check, screenshots go to --artifacts, exit status 0 only when every
check passed.

    python3 Tests/Browser/web_test.py --base-url https://127.0.0.1:8443 --ca-file var/tls/ca.crt \
        --artifacts .build/test-artifacts/web [--master-pid PID]
"""

import argparse
import base64
import json
import os
import re
import shutil
import signal
import ssl
import subprocess
import sys
import tempfile
import time
import traceback
import urllib.error
import urllib.parse
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

WAIT = 20


class Check:
    """Runs the checks in order, one line each; a failed check does not stop the others."""

    def __init__(self):
        self.passed = 0
        self.failed = 0

    def run(self, name, function):
        try:
            function()
        except Exception:  # report and go on
            self.failed += 1
            print(f"FAIL {name}\n{traceback.format_exc()}", flush=True)
        else:
            self.passed += 1
            print(f"PASS {name}", flush=True)


def expect(condition, message):
    if not condition:
        raise AssertionError(message)


class Browser:
    def __init__(self, options):
        self.base = options.base_url.rstrip("/")
        self.artifacts = options.artifacts
        self.context = ssl.create_default_context(cafile=options.ca_file)
        os.makedirs(self.artifacts, exist_ok=True)
        chrome = webdriver.ChromeOptions()
        chrome.binary_location = options.chromium
        self.profile = tempfile.mkdtemp(prefix="gc-chromium-")
        for argument in [
            "--headless=new",
            "--no-sandbox",  # root in a container
            "--disable-dev-shm-usage",
            "--disable-gpu",
            "--no-first-run",
            "--lang=es-CR",
            f"--user-data-dir={self.profile}",
            # Trust exactly the stack's certificate (checked against the CA file below), not every certificate.
            f"--ignore-certificate-errors-spki-list={self.server_spki()}",
        ]:
            chrome.add_argument(argument)
        chrome.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        self.driver = webdriver.Chrome(options=chrome, service=Service(executable_path=options.chromedriver))
        self.phone()
        self.shots = []

    def phone(self):
        """A phone's viewport, 360 CSS pixels wide (set again after navigations, which may drop it)."""
        self.driver.execute_cdp_cmd(
            "Emulation.setDeviceMetricsOverride",
            {"width": 360, "height": 780, "deviceScaleFactor": 2, "mobile": True},
        )

    def server_spki(self):
        """base64(SHA-256(SubjectPublicKeyInfo)) of the server's certificate, after verifying it with the CA."""
        host = urllib.parse.urlsplit(self.base)
        import socket

        with socket.create_connection((host.hostname, host.port or 443), timeout=10) as raw:
            with self.context.wrap_socket(raw, server_hostname=host.hostname) as tls:
                der = tls.getpeercert(binary_form=True)
        pem = ssl.DER_cert_to_PEM_cert(der).encode()
        key = subprocess.run(["openssl", "x509", "-noout", "-pubkey"], input=pem, capture_output=True, check=True)
        spki = subprocess.run(
            ["openssl", "pkey", "-pubin", "-outform", "DER"], input=key.stdout, capture_output=True, check=True
        )
        digest = subprocess.run(
            ["openssl", "dgst", "-sha256", "-binary"], input=spki.stdout, capture_output=True, check=True
        )
        return base64.b64encode(digest.stdout).decode()

    # --- helpers -----------------------------------------------------------------------------------------

    def open(self, route):
        self.driver.get(self.base + "/" + route)
        self.phone()

    def wait(self, condition, what):
        # A view that re-renders (the calendar after a key) replaces the element a condition just found: asking
        # again is the wait's job, not a failure.
        ignored = (NoSuchElementException, StaleElementReferenceException)
        try:
            return WebDriverWait(self.driver, WAIT, ignored_exceptions=ignored).until(lambda driver: condition())
        except Exception as error:
            raise AssertionError(f"timed out waiting for {what}") from error

    def find(self, selector):
        return self.driver.find_element(By.CSS_SELECTOR, selector)

    def find_all(self, selector):
        return self.driver.find_elements(By.CSS_SELECTOR, selector)

    def visible(self, selector):
        elements = self.find_all(selector)
        return elements[0] if elements and elements[0].is_displayed() else None

    def js(self, script, *arguments):
        return self.driver.execute_script(script, *arguments)

    def screenshot(self, name):
        path = os.path.join(self.artifacts, f"{len(self.shots) + 1:02d}-{name}.png")
        self.driver.save_screenshot(path)
        self.shots.append(path)
        return path

    def expect_no_horizontal_overflow(self, where):
        width, inner = self.js("return [document.documentElement.scrollWidth, window.innerWidth]")
        expect(inner == 360, f"{where}: the viewport is {inner} px wide, not 360")
        expect(width <= inner, f"{where}: the page is {width} px wide in a {inner} px viewport (horizontal scrolling)")

    def fetch(self, path):
        """GET through the stack with the CA, outside the browser: (status, headers, body bytes)."""
        request = urllib.request.Request(self.base + path)
        try:
            with urllib.request.urlopen(request, context=self.context, timeout=20) as response:
                return response.status, dict(response.headers), response.read()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read()

    def ask(self, question):
        textarea = self.find("#question")
        textarea.clear()
        textarea.send_keys(question)
        before = len(self.find_all("#conversation .turn"))
        self.find("#ask-button").click()
        self.wait(lambda: len(self.find_all("#conversation .turn")) > before, "the new turn")
        turn = self.find_all("#conversation .turn")[-1]
        self.wait(lambda: turn.get_attribute("data-state") != "streaming", "the answer to finish")
        return turn

    def csp_violations(self):
        return [
            entry["message"]
            for entry in self.driver.get_log("browser")
            if "Content Security Policy" in entry["message"] or "Refused to" in entry["message"]
        ]

    def close(self):
        self.driver.quit()
        shutil.rmtree(self.profile, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--ca-file", required=True)
    parser.add_argument("--artifacts", required=True)
    parser.add_argument("--master-pid", type=int, help="the pool's master: stopped for the last check (502)")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--chromedriver", default="/usr/bin/chromedriver")
    options = parser.parse_args()

    browser = Browser(options)
    check = Check()
    state = {}
    try:
        run_checks(browser, check, state, options)
    finally:
        browser.close()
    print(f"screenshots: {os.path.abspath(options.artifacts)}", flush=True)
    print(f"{check.passed} passed, {check.failed} failed", flush=True)
    return 0 if check.failed == 0 and check.passed > 0 else 1


def run_checks(browser, check, state, options):
    b = browser

    def home():
        # The landing view is Hoy en La Gaceta: the newest edition's date and its summary's bullets, each linking to
        # the page it cites.
        b.open("")
        b.wait(lambda: b.visible("#view-hoy"), "the Hoy view")
        expect(b.js("return document.documentElement.lang") == "es", "the page is not lang=es")
        b.wait(lambda: b.find("#today-bullets").get_attribute("data-state") in ("done", "error"), "the summary")
        expect(b.find("#today-bullets").get_attribute("data-state") == "done", b.find("#today-status").text)
        expect("2 de agosto de 2024" in b.find("#today-date").text, f"date: {b.find('#today-date').text}")
        status, _, body = b.fetch("/api/v1/editions/2024-08-02/summary")
        expect(status == 200, f"summary: {status}")
        summary = json.loads(body)
        bullets = b.find_all("#today-bullets > li")
        expect(1 <= len(bullets) <= 5 and len(bullets) == len(summary["bullets"]),
               f"{len(bullets)} bullets shown, {len(summary['bullets'])} in the summary")
        for shown, bullet in zip(bullets, summary["bullets"]):
            expect(bullet["text"] in shown.text, f"bullet {shown.text!r} is not {bullet['text']!r}")
            link = shown.find_element(By.CSS_SELECTOR, "a").get_attribute("href")
            expect(link.endswith(f"#/documento/{bullet['document_id']}/pagina/{bullet['page']}"), f"link {link}")
        b.expect_no_horizontal_overflow("home")
        b.screenshot("hoy-360")
        # The first bullet opens its page.
        bullets[0].find_element(By.CSS_SELECTOR, "a").click()
        b.wait(lambda: b.find("#page-text").get_attribute("data-state") == "done", "the bullet's page")
        page_text = " ".join(b.find("#page-text").text.split())
        words = [word for word in summary["bullets"][0]["text"].split(": ", 1)[-1].split()[:6]]
        expect(" ".join(words) in page_text, f"{words} not on the cited page: {page_text[:200]}")
        # The Preguntar view, from the navigation.
        b.open("#/preguntar")
        b.wait(lambda: b.visible("#view-preguntar"), "the Preguntar view")
        expect(b.find("label[for=question]").text, "the question box has no label")
        b.expect_no_horizontal_overflow("preguntar")
        b.screenshot("preguntar-360")

    def calendar_by_keyboard():
        b.open("")
        b.wait(lambda: b.find_all("#calendar a[data-date]"), "the calendar")
        expect("agosto de 2024" in b.find("#calendar-title").text, b.find("#calendar-title").text)
        days = [link.get_attribute("data-date") for link in b.find_all("#calendar a[data-date]")]
        expect(days == ["2024-08-01", "2024-08-02"], f"days with an edition: {days}")
        tabbable = b.find_all("#calendar a[tabindex='0']")
        expect(len(tabbable) == 1 and tabbable[0].get_attribute("data-date") == "2024-08-02",
               "one day takes Tab: the day shown")
        expect(tabbable[0].get_attribute("aria-current") == "date", "the day shown is not marked current")
        # Tab reaches the calendar's day from the month buttons; the arrows move; Enter opens that day's summary.
        b.js("document.getElementById('calendar-next').focus()")
        b.driver.switch_to.active_element.send_keys(Keys.TAB)
        active = b.driver.switch_to.active_element
        expect(active.get_attribute("data-date") == "2024-08-02", f"Tab went to {active.get_attribute('outerHTML')}")
        active.send_keys(Keys.ARROW_LEFT)
        active = b.driver.switch_to.active_element
        expect(active.get_attribute("data-date") == "2024-08-01", f"← went to {active.get_attribute('outerHTML')}")
        active.send_keys(Keys.ENTER)
        b.wait(lambda: b.js("return location.hash") == "#/hoy/2024-08-01", "the route of 1 August")
        b.wait(lambda: b.find("#today-bullets").get_attribute("data-state") == "done", "the summary of 1 August")
        expect("1 de agosto de 2024" in b.find("#today-date").text, b.find("#today-date").text)
        bullets = b.find_all("#today-bullets > li")
        expect(bullets, "no bullet for 1 August")
        status, _, body = b.fetch("/api/v1/editions/2024-08-01/summary")
        expect(status == 200 and len(json.loads(body)["bullets"]) == len(bullets), f"summary of 1 August: {status}")
        # PageUp shows July, with no edition.
        b.find("#calendar a[tabindex='0']").send_keys(Keys.PAGE_UP)
        b.wait(lambda: "julio de 2024" in b.find("#calendar-title").text, "July")
        expect(not b.find_all("#calendar a[data-date]"), "July has no edition")
        b.expect_no_horizontal_overflow("calendar")
        b.screenshot("calendario-360")
        # A day without a summary: 404 summary_missing, shown as such.
        b.open("#/hoy/2024-07-31")
        b.wait(lambda: b.find("#today-bullets").get_attribute("data-state") == "error", "a day without edition")
        expect("No hay resumen" in b.find("#today-status").text, b.find("#today-status").text)

    def streamed_answer_with_citation_links():
        turn = b.ask("¿Qué se decidió sobre el precio del calzado escolar?")
        expect(turn.get_attribute("data-state") == "done", f"state {turn.get_attribute('data-state')}: {turn.text}")
        tokens = int(turn.get_attribute("data-tokens") or "0")
        expect(tokens >= 2, f"the answer arrived in {tokens} token events, not streamed")
        expect("tiene un máximo" in turn.text, f"answer text: {turn.text}")
        links = turn.find_elements(By.CSS_SELECTOR, ".answer a.ref")
        expect(links, "no [n] link in the answer")
        citations = turn.find_elements(By.CSS_SELECTOR, "ol.citations > li")
        expect(citations, "no citation listed")
        first = citations[0]
        expect("1 de agosto de 2024" in first.text, f"the citation shows no edition date: {first.text}")
        expect("Nº 140" in first.text, f"the citation shows no edition number: {first.text}")
        expect("página" in first.text, f"the citation shows no page: {first.text}")
        quote = first.find_element(By.CSS_SELECTOR, "blockquote").text
        expect("calzado escolar" in quote, f"the quoted passage is {quote!r}")
        copy = first.find_element(By.CSS_SELECTOR, "button.copy-cite")
        expect(copy.text == "Copiar cita", f"the copy button says {copy.text!r}")
        reference = copy.get_attribute("data-reference") or ""
        expect(reference.startswith("La Gaceta Nº 140 del ") and ", página " in reference,
               f"the reference to copy is {reference!r}")
        conversation = b.find("#conversation").get_attribute("data-conversation")
        expect(conversation, "no conversation id on the page")
        route = b.js("return location.hash")
        expect(route == f"#/preguntar/{conversation}", f"after the first answer the URL says {route!r}")
        state["conversation"] = conversation
        state["conversation_url"] = b.driver.current_url
        links[0].click()
        target = links[0].get_attribute("href").split("#", 1)[1]
        b.wait(lambda: b.js("return document.activeElement.id") == target, "the [n] link to reach its citation")
        expect(b.find("#" + target).is_displayed(), "the cited item is not shown")
        expect(b.visible("#view-preguntar"), "following [n] left the conversation")
        expect(b.js("return location.hash") == route, "following [n] lost the conversation's URL")
        state["quote"] = quote
        state["citation_link"] = first.find_element(By.CSS_SELECTOR, ".cite-title a")
        b.expect_no_horizontal_overflow("answer")
        b.screenshot("respuesta-360")

    def follow_up_continues_the_conversation():
        turn = b.ask("¿Y qué pasó con el salario de las trabajadoras domésticas?")
        expect(turn.get_attribute("data-state") == "done", turn.text)
        conversation = b.find("#conversation").get_attribute("data-conversation")
        expect(conversation, "no conversation id on the page")
        status, _, body = b.fetch(f"/api/v1/conversations/{conversation}")
        expect(status == 200, f"conversation: {status}")
        turns = json.loads(body)["turns"]
        expect(len(turns) == 2, f"the follow-up started a new conversation: {len(turns)} turn(s)")
        expect(conversation == state["conversation"], "the follow-up changed the conversation id")
        expect(b.js("return location.hash") == f"#/preguntar/{conversation}", "the follow-up changed the URL")
        expect(b.find("#new-conversation").is_displayed(), "no way to start a new conversation")

    def cited_page_and_pdf():
        link = state["citation_link"]
        link.click()
        b.wait(lambda: b.find("#page-text").get_attribute("data-state") == "done", "the page text")
        expect(b.visible("#view-pagina"), "the page view is not shown")
        passage = " ".join(b.find("mark#pasaje").text.split())
        expect(passage == " ".join(state["quote"].split()), f"highlighted {passage!r}, cited {state['quote']!r}")
        expect(b.js("return document.activeElement.id") == "pasaje", "focus is not on the highlighted passage")
        pdf = b.find("#pdf-link").get_attribute("href")
        path = urllib.parse.urlsplit(pdf)
        expect(path.fragment.startswith("page="), f"the PDF link does not open at the page: {pdf}")
        status, headers, body = b.fetch(path.path)
        expect(status == 200, f"PDF: HTTP {status}")
        expect(body.startswith(b"%PDF"), f"the PDF link gives {body[:20]!r}")
        expect(headers.get("Content-Type") == "application/pdf", f"PDF content type {headers.get('Content-Type')}")
        expect("X-Accel-Redirect" not in headers, "nginx let the X-Accel-Redirect header through")
        b.expect_no_horizontal_overflow("page view")
        b.screenshot("pagina-citada-360")

    def conversation_url_reopens_it():
        url = state["conversation_url"]
        # A fresh load (not a same-document hash change): as a shared link or a bookmark opens it.
        b.driver.get("about:blank")
        b.open(url.split("/", 3)[3])
        b.wait(lambda: b.find("#conversation").get_attribute("data-state") in ("done", "error"), "the conversation")
        expect(b.find("#conversation").get_attribute("data-state") == "done", b.find("#conversation").text)
        turns = b.find_all("#conversation .turn")
        expect(len(turns) == 2, f"{len(turns)} turn(s) restored, not 2")
        questions = [turn.find_element(By.CSS_SELECTOR, ".question").text for turn in turns]
        expect("calzado escolar" in questions[0] and "domésticas" in questions[1], f"questions: {questions}")
        first = turns[0]
        expect("tiene un máximo" in first.find_element(By.CSS_SELECTOR, ".answer").text, first.text)
        expect(first.find_elements(By.CSS_SELECTOR, ".answer a.ref"), "no [n] link in the restored answer")
        quote = first.find_element(By.CSS_SELECTOR, "ol.citations > li blockquote").text
        expect(quote == state["quote"], f"restored quote {quote!r}, live {state['quote']!r}")
        expect("Nº 140" in first.find_element(By.CSS_SELECTOR, "ol.citations > li").text, first.text)
        # The share box holds this URL; without a clipboard, «Copiar enlace» selects it to copy by hand.
        share = b.find("#share-url")
        expect(share.is_displayed() and share.get_attribute("value") == url, f"share box: {share.get_attribute('value')}")
        b.js("Object.defineProperty(navigator, 'clipboard', {value: undefined, configurable: true})")
        b.find("#share-copy").click()
        b.wait(lambda: b.find("#share-status").text, "the share status")
        selected = b.js("const i = document.activeElement; return i.id === 'share-url' && "
                        "i.selectionStart === 0 && i.selectionEnd === i.value.length")
        expect(selected, f"the URL is not selected: {b.find('#share-status').text}")
        expect("seleccionado" in b.find("#share-status").text, b.find("#share-status").text)
        b.expect_no_horizontal_overflow("restored conversation")
        b.screenshot("conversacion-reabierta-360")
        # The citation link works, and Back returns to the conversation.
        first.find_element(By.CSS_SELECTOR, ".cite-title a").click()
        b.wait(lambda: b.find("#page-text").get_attribute("data-state") == "done", "the cited page")
        passage = " ".join(b.find("mark#pasaje").text.split())
        expect(passage == " ".join(quote.split()), f"highlighted {passage!r}, cited {quote!r}")
        b.driver.back()
        b.wait(lambda: b.visible("#view-preguntar"), "Back to the conversation")
        expect(len(b.find_all("#conversation .turn")) == 2, "Back did not bring the conversation")
        # Reload keeps it too.
        b.driver.refresh()
        b.phone()
        b.wait(lambda: b.find("#conversation").get_attribute("data-state") == "done", "the reloaded conversation")
        expect(len(b.find_all("#conversation .turn")) == 2, "the reload lost the conversation")
        # A follow-up goes into the same conversation.
        turn = b.ask("¿Y qué se publicó sobre la Caja Costarricense de Seguro Social?")
        expect(turn.get_attribute("data-state") == "done", turn.text)
        expect(b.find("#conversation").get_attribute("data-conversation") == state["conversation"], "another id")
        status, _, body = b.fetch(f"/api/v1/conversations/{state['conversation']}")
        expect(status == 200, f"conversation: {status}")
        saved = json.loads(body)["turns"]
        expect(len(saved) == 3, f"the follow-up in the reopened page made {len(saved)} turn(s), not 3")
        expect("Caja Costarricense" in saved[2]["question"], saved[2]["question"])
        # "Nueva conversación" empties it and the URL goes back to the plain Preguntar route; Back reopens it.
        b.find("#new-conversation").click()
        b.wait(lambda: b.js("return location.hash") == "#/preguntar", "the plain Preguntar URL")
        expect(not b.find_all("#conversation .turn"), "the new conversation still shows the old turns")
        expect(not b.find("#new-conversation").is_displayed(), "«Nueva conversación» still shown")
        expect(not b.find("#share").is_displayed(), "the share box of the old conversation still shown")
        b.driver.back()
        b.wait(lambda: len(b.find_all("#conversation .turn")) == 3, "Back to the three-turn conversation")
        expect(b.js("return location.hash") == f"#/preguntar/{state['conversation']}", b.js("return location.hash"))

    def unknown_conversation():
        b.driver.get("about:blank")
        b.open("#/preguntar/" + "0123456789abcdef" * 2)
        b.wait(lambda: b.find("#conversation").get_attribute("data-state") == "error", "the unknown conversation")
        message = b.find("#conversation .message.error").text
        expect("La conversación ya no existe. Empiece una nueva." in message, f"message: {message}")
        expect(not b.find_all("#conversation .turn"), "turns shown for an unknown conversation")
        expect(b.visible("#question") and b.find("#question").get_attribute("value") == "", "the ask box is not empty")
        expect(not b.find("#new-conversation").is_displayed(), "«Nueva conversación» for nothing")
        b.expect_no_horizontal_overflow("unknown conversation")
        b.screenshot("conversacion-inexistente-360")
        # Asking from there starts a new conversation, and the URL names it.
        turn = b.ask("¿Qué se decidió sobre el precio del calzado escolar?")
        expect(turn.get_attribute("data-state") == "done", turn.text)
        expect(not b.find_all("#conversation .message.error"), "the old message stayed above the new answer")
        conversation = b.find("#conversation").get_attribute("data-conversation")
        expect(conversation and conversation != state["conversation"], f"conversation id {conversation!r}")
        expect(b.js("return location.hash") == f"#/preguntar/{conversation}", b.js("return location.hash"))

    def nothing_found_when_asking():
        b.open("#/preguntar")
        b.wait(lambda: b.visible("#view-preguntar"), "the Preguntar view")
        turn = b.ask("¿Cuál es la capital de Mongolia?")
        expect(turn.get_attribute("data-state") == "done", turn.text)
        expect("nothing" in turn.get_attribute("class"), "the empty answer is not marked as such")
        notice = turn.find_element(By.CSS_SELECTOR, ".message.notice").text
        expect("No hay publicaciones" in notice, f"notice: {notice}")
        expect(not turn.find_elements(By.CSS_SELECTOR, "ol.citations"), "citations for nothing")
        b.screenshot("sin-respuesta-360")

    def search_with_filters_and_pages():
        b.open("#/buscar")
        b.wait(lambda: b.visible("#view-buscar"), "the Buscar view")
        expect("frase exacta" in b.find("#q-help").text, "the query syntax is not explained")
        b.find("#q").send_keys("licitación")
        b.js("document.getElementById('from').value = '2024-08-02'; document.getElementById('to').value = '2024-08-02'")
        b.find("#q").send_keys(Keys.ENTER)
        b.wait(lambda: b.find("#results").get_attribute("data-state") == "done", "the results")
        hash_ = b.js("return location.hash")
        query = urllib.parse.parse_qs(hash_.split("?", 1)[1])
        expect(query.get("q") == ["licitación"] and query.get("from") == ["2024-08-02"], f"the URL says {hash_}")
        count = b.find("#search-status").text
        expect("14 resultados" in count, f"count: {count}")
        hits = b.find_all("#results > li")
        expect(len(hits) == 10, f"{len(hits)} hits on page 1")
        expect(all("2 de agosto de 2024" in hit.text for hit in hits), "the date filter let other editions through")
        expect(b.find_all("#results .snippet mark"), "no highlighted snippet")
        b.expect_no_horizontal_overflow("search")
        b.screenshot("buscar-360")
        b.find("#pager a[rel=next]").click()
        b.wait(lambda: "page=2" in b.js("return location.hash") and
               b.find("#results").get_attribute("data-state") == "done" and
               len(b.find_all("#results > li")) == 4, "page 2 with 4 hits")
        expect("página 2 de 2" in b.find("#search-status").text, b.find("#search-status").text)
        # The URL alone brings the same search back (shared or bookmarked).
        shared = b.driver.current_url
        b.open("")
        b.driver.get(shared)
        b.phone()
        b.wait(lambda: b.find("#results").get_attribute("data-state") == "done", "the shared search")
        expect(len(b.find_all("#results > li")) == 4, "the shared URL did not give page 2")
        expect(b.find("#q").get_attribute("value") == "licitación", "the box does not show the shared query")
        b.screenshot("buscar-pagina-2-360")
        # Facets: the matching notices by section, type and institution (over every match, not the page), each
        # value a filter.
        expect(b.visible("#facets"), "no facets")
        group = b.find("#facets .facet")
        field = group.get_attribute("data-field")
        counts = [int(re.sub(r"\D", "", li.text.rsplit("(", 1)[1])) for li in
                  group.find_elements(By.CSS_SELECTOR, "li:not(.clear)")]
        expect(counts and sum(counts) <= 14, f"{field} facets {counts}")
        link = group.find_element(By.CSS_SELECTOR, "li a")
        chosen = link.text
        link.click()
        b.wait(lambda: f"{field}=" in b.js("return location.hash") and
               b.find("#results").get_attribute("data-state") == "done", "the search narrowed by a facet")
        # Facets count notices; the total counts passages (a notice may hold several).
        expect(b.find(f'#facets [data-field="{field}"] strong').text == chosen, "the chosen value is not marked")
        expect(b.find("#facets .clear a"), "no way to take the facet's filter off")
        # Newest first.
        b.js("document.getElementById('sort').value = 'date'")
        b.find("#q").send_keys(Keys.ENTER)
        b.wait(lambda: "sort=date" in b.js("return location.hash") and
               b.find("#results").get_attribute("data-state") == "done", "the search sorted by date")

    def search_nothing_found():
        b.open("#/buscar?q=mongolia")
        b.wait(lambda: b.find("#results").get_attribute("data-state") == "done", "the empty search")
        expect("No hay resultados" in b.find("#search-status").text, b.find("#search-status").text)

    def search_relaxed():
        b.open("#/buscar?q=calzado+mongolia")
        b.wait(lambda: b.find("#results").get_attribute("data-state") == "done", "the relaxed search")
        status = b.find("#search-status").text
        expect("Ninguna página tiene todas las palabras; estas tienen algunas" in status, status)
        expect(b.find_all("#results > li"), "the relaxed search shows no result")

    def editions_by_date():
        b.open("#/ediciones")
        b.wait(lambda: b.find("#editions").get_attribute("data-state") == "done", "the editions")
        items = [item.text for item in b.find_all("#editions > li")]
        expect(len(items) == 2 and "2 de agosto de 2024" in items[0] and "1 de agosto de 2024" in items[1],
               f"editions: {items}")
        b.find("#editions > li a").click()
        b.wait(lambda: b.find_all("#edition-documents li"), "the documents of the edition")
        b.expect_no_horizontal_overflow("editions")
        b.screenshot("edicion-360")

    def offline_message():
        b.open("#/preguntar")
        b.wait(lambda: b.visible("#view-preguntar"), "the Preguntar view")
        b.driver.set_network_conditions(offline=True, latency=0, download_throughput=-1, upload_throughput=-1)
        try:
            turn = b.ask("¿Qué se publicó sobre el calzado escolar?")
            expect(turn.get_attribute("data-state") == "error", turn.text)
            expect("Sin conexión" in turn.text, f"offline message: {turn.text}")
            b.screenshot("sin-conexion-360")
        finally:
            b.driver.set_network_conditions(offline=False, latency=0, download_throughput=-1, upload_throughput=-1)

    def service_unavailable_message():
        expect(options.master_pid, "no --master-pid to stop the pool")
        os.kill(options.master_pid, signal.SIGTERM)
        deadline = time.time() + 20
        while b.fetch("/health")[0] != 502 and time.time() < deadline:
            time.sleep(0.1)
        b.open("#/preguntar")
        b.wait(lambda: b.visible("#view-preguntar"), "the Preguntar view")
        turn = b.ask("¿Qué se publicó sobre el calzado escolar?")
        expect(turn.get_attribute("data-state") == "error", turn.text)
        expect("no disponible" in turn.text, f"unavailable message: {turn.text}")
        b.screenshot("servicio-no-disponible-360")

    def no_csp_violation():
        violations = b.csp_violations()
        expect(not violations, f"the browser reported: {violations}")

    check.run("the landing view is today's summary, its bullets link to their pages, and it fits 360 px", home)
    check.run("an answer streams in and its [n] links reach its citations", streamed_answer_with_citation_links)
    check.run("a follow-up question continues the conversation", follow_up_continues_the_conversation)
    check.run("a citation opens its page with the passage highlighted, and the PDF", cited_page_and_pdf)
    check.run("a conversation's URL reopens it (fresh load, back, reload) and a follow-up continues it",
              conversation_url_reopens_it)
    check.run("an unknown conversation id says it no longer exists", unknown_conversation)
    check.run("asking about nothing indexed says so", nothing_found_when_asking)
    check.run("search with a date filter, two pages, and a shareable URL", search_with_filters_and_pages)
    check.run("a search without results says so", search_nothing_found)
    check.run("a search whose words are never together shows pages with some of them, and says so", search_relaxed)
    check.run("editions are listed by date and open", editions_by_date)
    check.run("the calendar opens another day's summary from the keyboard", calendar_by_keyboard)
    check.run("no Content-Security-Policy violation", no_csp_violation)
    check.run("offline: the question gets a clear message", offline_message)
    if options.master_pid:
        check.run("a stopped pool (502): the question gets a clear message", service_unavailable_message)


if __name__ == "__main__":
    sys.exit(main())
