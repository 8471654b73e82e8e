#!/usr/bin/env python3
"""«Seguir esta búsqueda» in a real browser: headless Chromium driven by Selenium (the Browser of web_test.py)
against a running GacetaChat stack whose [mail] points at a private exim delivering to --maildir.

Run by Tests/EndToEndTests/AlertsWebTests.swift, which ingests editions holding "tarifa del agua potable". Checks the
Atom link and the form under a search (its errors, its answer), the confirmation page (a button, then the POST), the
management page (change the frequency, delete), all at 360 px without horizontal scrolling.

    python3 Tests/Browser/alerts_web_test.py --base-url URL --ca-file CA --artifacts DIR --maildir DIR
"""

import argparse
import base64
import email
import os
import re
import sys
import time

from web_test import Browser, Check, expect


def messages(maildir):
    folder = os.path.join(maildir, "new")
    names = sorted(os.listdir(folder)) if os.path.isdir(folder) else []
    found = []
    for name in names:
        with open(os.path.join(folder, name), "rb") as handle:
            found.append(email.message_from_bytes(handle.read()))
    return found


def body(message):
    payload = message.get_payload(decode=True) or b""
    return payload.decode("utf-8")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--ca-file", required=True)
    parser.add_argument("--artifacts", required=True)
    parser.add_argument("--maildir", required=True)
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--chromedriver", default="/usr/bin/chromedriver")
    options = parser.parse_args()

    b = Browser(options)
    check = Check()
    state = {}

    def text(selector):
        """The element's text read in the page (never a stale element while a form's POST loads the next page)."""
        try:
            return b.js("const e = document.querySelector(arguments[0]); return e ? e.textContent : ''", selector)
        except Exception:  # the next page is loading
            return ""

    def follow_panel():
        b.open("#/buscar?q=tarifa%20agua")
        b.wait(lambda: b.visible("#follow-form"), "the alert form under the results")
        expect(b.find("#h-follow").text == "Seguir esta búsqueda", "the panel's heading")
        atom = b.find("#follow-atom").get_attribute("href")
        expect("/api/v1/search.atom?q=tarifa+agua" in atom, f"the Atom link: {atom}")
        status, headers, content = b.fetch(atom[len(b.base):])
        expect(status == 200 and b"<feed" in content, f"the Atom link answers {status}")
        expect(b.find("label[for=follow-email]").text, "the e-mail field has no label")
        expect("HMAC" in b.find("#follow-privacy").text, "the privacy note")
        b.expect_no_horizontal_overflow("follow form")
        b.screenshot("seguir-busqueda-360")

    def form_errors():
        b.find("#follow-email").clear()
        b.find("#follow-form button").click()
        b.wait(lambda: b.visible("#follow-status .error"), "an error for an empty address")
        expect(b.find("#follow-email").get_attribute("aria-invalid") == "true", "the field is marked invalid")
        b.find("#follow-email").send_keys("nombre@localhost")
        b.find("#follow-form button").click()
        b.wait(lambda: "no es válida" in b.find("#follow-status").text, "the server's refusal of the address")
        b.screenshot("seguir-error-360")

    def form_accepted():
        field = b.find("#follow-email")
        field.clear()
        field.send_keys("lectora@example.org")
        b.find("#follow-form button").click()
        b.wait(lambda: "Listo" in b.find("#follow-status").text, "the answer to the request")
        deadline = time.time() + 20
        while not messages(options.maildir) and time.time() < deadline:
            time.sleep(0.2)
        found = messages(options.maildir)
        expect(len(found) == 1, f"{len(found)} messages arrived")
        links = re.findall(r"https://\S+/confirm\?t=\S+", body(found[0]))
        expect(links, "the confirmation message has its link")
        state["confirm"] = links[0]

    def confirmation_page():
        b.driver.get(state["confirm"])
        b.phone()
        b.wait(lambda: b.visible("form button"), "the confirmation page's button")
        expect(b.find("h1").text == "Confirmar la alerta", b.find("h1").text)
        b.expect_no_horizontal_overflow("confirmation page")
        b.screenshot("confirmar-360")
        b.find("form button").click()
        b.wait(lambda: text("h1") == "Alerta confirmada", "the confirmed page")
        state["manage"] = b.find("main a").get_attribute("href")
        expect("/api/v1/alerts/manage?a=" in state["manage"], state["manage"])

    def management_page():
        b.driver.get(state["manage"])
        b.phone()
        b.wait(lambda: b.visible("select"), "the management page's form")
        expect(b.find("input[name=q]").get_attribute("value") == "tarifa agua", "the query is shown")
        expect(b.find("label").text.startswith("Búsqueda"), "labelled fields")
        b.expect_no_horizontal_overflow("management page")
        b.screenshot("administrar-360")
        b.find("select option[value=weekly]").click()
        b.find("form button[type=submit]").click()
        b.wait(lambda: "guardada" in text("[role=status]"), "the saved notice")
        expect(b.find("select option[value=weekly]").is_selected(), "the new frequency is kept")
        buttons = [button for button in b.find_all("form button") if "Borrar" in button.text]
        buttons[0].click()
        b.wait(lambda: "no tiene alertas" in text("main"), "the deleted alert")
        b.screenshot("administrar-borrada-360")

    check.run("under a search: the Atom link, the form and its privacy note, at 360 px", follow_panel)
    check.run("the form shows its errors (empty, refused by the server)", form_errors)
    check.run("the form's request sends a confirmation message", form_accepted)
    check.run("the confirmation link shows a button; only the button confirms", confirmation_page)
    check.run("the management page changes the frequency and deletes the alert", management_page)
    b.close()
    print(f"{check.passed} passed, {check.failed} failed", flush=True)
    return 0 if check.failed == 0 and check.passed > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
