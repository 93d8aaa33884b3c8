"""Streamlit's own connection messages in the user's language.

When the server cannot be reached (a restart, a lost network), Streamlit's frontend shows an
English dialog ("Connection error – Is Streamlit still running? … `streamlit run
yourscript.py`"). Streamlit offers no way to translate it, so a small script, installed once per
page, rewrites that dialog in the language of the page's URL (`?lang=`, Danish when absent) as
soon as it appears, and hides the developer's command. It carries no user text.
"""

from __future__ import annotations

import json

import streamlit as st

from assessment.i18n import t
from assessment.models import LANGS

SCRIPT = """<script>
(function () {
  if (window.__somemodenhedConnection) { return; }
  window.__somemodenhedConnection = true;
  const texts = %s;
  const english = ["Connection error", "Is Streamlit still running?",
    "Streamlit server is not responding", "Cannot connect to Streamlit"];
  function language() {
    const asked = new URLSearchParams(window.location.search).get("lang");
    return texts[asked] ? asked : "da";
  }
  function rewrite(dialog) {
    const said = texts[language()];
    const walker = document.createTreeWalker(dialog, NodeFilter.SHOW_TEXT);
    const nodes = [];
    while (walker.nextNode()) { nodes.push(walker.currentNode); }
    let body = false;
    for (const node of nodes) {
      const text = node.nodeValue || "";
      if (text.includes("Connection error")) { node.nodeValue = said.title; }
      else if (english.some(function (e) { return text.includes(e); })) {
        node.nodeValue = body ? "" : said.body; body = true;
      }
    }
    dialog.querySelectorAll("pre, code").forEach(function (c) { c.style.display = "none"; });
  }
  function check() {
    document.querySelectorAll('[role="dialog"]').forEach(function (dialog) {
      const text = dialog.innerText || "";
      if (english.some(function (e) { return text.includes(e); })) { rewrite(dialog); }
    });
  }
  new MutationObserver(check).observe(document.body, {childList: true, subtree: true,
    characterData: true});
})();
</script>"""


def translate() -> None:
    """Install the script (it runs once per browser page, however often this is called)."""
    texts = {
        language: {
            "title": t("ws.connection.title", language),
            "body": t("ws.connection.body", language),
        }
        for language in LANGS
    }
    with st.container(key="sm-scripts"):
        st.html(SCRIPT % json.dumps(texts, ensure_ascii=False), unsafe_allow_javascript=True)
