"""Parses Atom feeds with feedparser and checks what RFC 4287 requires of them.

Usage: check_feed.py FILE...   Prints one JSON object per file: {"bozo", "missing", "ids", "titles"}.
"missing" lists every required element not found: the feed's id, title, updated, author (or every entry's)
and a self link; each entry's id, title, updated and an alternate link (entries without content need one).
"""
import json
import sys

import feedparser


def check(path):
    with open(path, "rb") as handle:
        parsed = feedparser.parse(handle.read())
    feed = parsed.feed
    missing = []
    for name in ("id", "title", "updated"):
        if not feed.get(name):
            missing.append("feed " + name)
    feed_author = bool(feed.get("author_detail") or feed.get("authors"))
    rels = [link.get("rel") for link in feed.get("links", [])]
    if "self" not in rels:
        missing.append("feed link rel=self")
    for index, entry in enumerate(parsed.entries):
        for name in ("id", "title", "updated"):
            if not entry.get(name):
                missing.append("entry %d %s" % (index, name))
        if not feed_author and not (entry.get("author_detail") or entry.get("authors")):
            missing.append("entry %d author" % index)
        if not any(link.get("rel") == "alternate" and link.get("href") for link in entry.get("links", [])):
            missing.append("entry %d link rel=alternate" % index)
    if not feed_author and not parsed.entries:
        missing.append("feed author")
    return {
        "bozo": int(parsed.bozo),
        "bozo_exception": str(parsed.get("bozo_exception", "")),
        "version": parsed.version,
        "missing": missing,
        "ids": [entry.get("id") for entry in parsed.entries],
        "titles": [entry.get("title") for entry in parsed.entries],
        "feed_id": feed.get("id"),
    }


for argument in sys.argv[1:]:
    print(json.dumps(check(argument), ensure_ascii=False))
