"""Spanish words for bench/answers: folding, stopwords and Snowball stems.

Independent of GacetaChat's code on purpose (the peer and the labelling rules must not share the code under
test). Used by check-labels (the overlap rule) and by the peer (the question's non-stopword stems).
"""
import re
import unicodedata

import snowballstemmer

# Function words (articles, prepositions, pronouns, auxiliaries) and the words that shape a question
# ("qué", "cuánto", "dónde"), folded (no accents, lower case).
STOPWORDS = set("""
a al algo algun alguna algunas alguno algunos ante antes asi aun cada como con contra cual cuales cualquier
cuando cuanta cuantas cuanto cuantos de del desde donde dos durante e el ella ellas ello ellos en entre era
eran es esa esas ese eso esos esta estaba estado estan estar estas este esto estos fue fueron ha habia han hasta
hay la las le les lo los mas me mi mis mucho muchos muy ni no nos nosotros o os otra otras otro otros para pero
poco por porque puede pueden que quien quienes se sea sean segun ser si sido sin sobre solo son su sus tambien
tan tanto te tiene tienen toda todas todo todos tu tus u un una unas uno unos usted ustedes y ya yo
cual cuales que quien quienes cuanto cuanta cuantos cuantas donde adonde cuando como
hace hacer debe deben esta estan era fue habra sera seran hubo
""".split())

_stemmer = snowballstemmer.stemmer("spanish")


def fold(text):
    """Lower case without accents (ñ becomes n), as unicode61 remove_diacritics 2 does."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn")


def words(text):
    """Folded words and numbers of `text`: letters/digits runs ("44123-MP" gives "44123", "mp")."""
    return re.findall(r"[^\W_]+", fold(text))


def content_stems(text):
    """The set of stems of the content words of `text`: no stopwords, no single letters."""
    stems = set()
    for word in words(text):
        if word in STOPWORDS or (len(word) < 2 and not word.isdigit()):
            continue
        stems.add(word if word.isdigit() else _stemmer.stemWord(word))
    return stems


def content_stem_list(text):
    """The content stems of `text` in order, without repeats."""
    seen, out = set(), []
    for word in words(text):
        if word in STOPWORDS or (len(word) < 2 and not word.isdigit()):
            continue
        stem = word if word.isdigit() else _stemmer.stemWord(word)
        if stem not in seen:
            seen.add(stem)
            out.append(stem)
    return out
