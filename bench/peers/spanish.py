"""Spanish text for the bench peers (bench/search): Snowball stemming (snowballstemmer), numbers as the project
reads them (44.123 = 44123), stopwords left out of the required terms, and the project's query language
(words, "phrases", -excluded, a OR b, prefix*) parsed into groups, and an FTS5 MATCH expression.

The peers do the same work as the project with public tools; nothing here is the project's code.
"""

import html
import os
import re
import sqlite3

import snowballstemmer

class _Stems(dict):
    """Word → Snowball Spanish stem, computed once per distinct word (a corpus repeats its words)."""

    _stemmer = snowballstemmer.stemmer("spanish")

    def __missing__(self, word: str) -> str:
        stem = self._stemmer.stemWord(word)
        self[word] = stem
        return stem


_stems = _Stems()
_WORD = re.compile(r"\w+")
NUMBER_SEPARATOR = re.compile(r"(?<=\d)[.,](?=\d)")

# The most common Spanish words: never required terms (they still count inside a "phrase").
STOPWORDS = frozenset(
    """a al algo algunas algunos ante antes como con contra cual cuando de del desde donde durante e el ella
    ellas ellos en entre era es esa esas ese eso esos esta estas este esto estos fue ha hasta la las le les lo
    los mas más me mi mientras muy nada ni no nos o os otra otro para pero poco por porque que quien se sea
    ser si sí sin sobre su sus también te tiene todo tras tu u un una uno unos y ya""".split()
)


def words(text: str) -> list[str]:
    """Lower-case words of TEXT, numbers joined across their thousands separators."""
    return _WORD.findall(NUMBER_SEPARATOR.sub("", text.lower()))


def stem(word: str) -> str:
    return _stems[word]


def stemmed(text: str) -> str:
    """TEXT as space-separated stems: what the pre-stemmed FTS5 columns hold."""
    return " ".join(map(_stems.__getitem__, words(text)))


def fts5_table(path: str, table: str, columns: str) -> sqlite3.Connection:
    """A new database at PATH with the FTS5 TABLE (COLUMNS) of both FTS5 peers: pre-stemmed text,
    `unicode61 remove_diacritics 2`, written without a journal (it is rebuilt on every run)."""
    if os.path.exists(path):
        os.remove(path)
    db = sqlite3.connect(path)
    db.executescript(
        f"""
        PRAGMA journal_mode = OFF;
        PRAGMA synchronous = OFF;
        CREATE VIRTUAL TABLE {table} USING fts5({columns}, tokenize = 'unicode61 remove_diacritics 2');
        """
    )
    return db


def front_matter(path: str) -> tuple[str, str, str]:
    """(identifier, title, body) of a corpus Markdown file with YAML front matter."""
    with open(path, encoding="utf-8", errors="replace") as handle:
        text = handle.read()
    ident, title, body = path, "", text
    if text.startswith("---\n"):
        end = text.find("\n---", 4)
        if end > 0:
            head, body = text[4:end], text[end + 4 :]
            lines = head.splitlines()
            for index, line in enumerate(lines):
                if line.startswith("identifier:"):
                    ident = line.split(":", 1)[1].strip().strip("'\"")
                elif line.startswith("title:"):
                    value = line.split(":", 1)[1].strip()
                    if value in (">-", ">", "|", "|-"):
                        # the indented block right after the key
                        block = []
                        for follow in lines[index + 1 :]:
                            if not follow.startswith("  "):
                                break
                            block.append(follow.strip())
                        value = " ".join(block)
                    title = html.unescape(value.strip("'\""))
    return ident, title, body


def parse(query: str) -> list[tuple[str, str]]:
    """The query's items: ("word"|"prefix"|"phrase"|"not"|"or", text). Stopwords are dropped as words."""
    items: list[tuple[str, str]] = []
    for match in re.finditer(r'-?"[^"]*"|\S+', query):
        token = match.group(0)
        if token == "OR":
            items.append(("or", ""))
        elif token.startswith('-"') or token.startswith('"'):
            negative = token.startswith("-")
            text = token.strip('-"')
            if words(text):
                items.append(("not" if negative else "phrase", text))
        elif token.startswith("-") and len(token) > 1:
            items.append(("not", token[1:]))
        elif token.endswith("*") and len(token) > 1:
            items.append(("prefix", token[:-1]))
        else:
            for word in words(token):
                if word not in STOPWORDS:
                    items.append(("word", word))
    return items


def groups(items):
    """Required groups (alternatives joined by OR) and excluded texts."""
    groups, excluded, join_next = [], [], False
    for kind, text in items:
        if kind == "or":
            join_next = bool(groups)
            continue
        if kind == "not":
            excluded.append(text)
            continue
        if join_next:
            groups[-1].append((kind, text))
        else:
            groups.append([(kind, text)])
        join_next = False
    return groups, excluded


def fts5(query: str) -> str | None:
    """An FTS5 MATCH expression over pre-stemmed columns; None when nothing is required."""

    def term(kind, text):
        stems = " ".join(stem(word) for word in words(text))
        return f'"{stems}"*' if kind == "prefix" else f'"{stems}"'

    required, excluded = groups(parse(query))
    if not required:
        return None
    expression = " AND ".join("(" + " OR ".join(term(k, t) for k, t in group) + ")" for group in required)
    for text in excluded:
        expression += " NOT " + term("phrase", text)
    return expression
