"""Arabic search that matches words the way Arabic is written.

Material's search finds whole tokens (with a trailing wildcard), so a query for جواز misses
بجواز and والجواز, and a query typed without hamza or with diacritics misses the written form.
At build time every Arabic word of the search index gets its normalised form and its forms
without attached prefixes, as hidden text; in the browser, arabic-search.js turns each query
word into its shortest form, which the index then holds for every spelling of the word. Both
apply the rules below, and a browser test checks they agree.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

#: Diacritics (harakat, tanwin, shadda, sukun, dagger alef) and the tatweel are dropped.
DIACRITICS = re.compile("[\u064b-\u065f\u0670\u0640]")
#: Letter variants written interchangeably are folded together.
FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي"})
#: Prefixes written attached to a word, longest first; one is removed at a time.
PREFIXES = ("وبال", "وال", "بال", "كال", "فال", "لل", "ال", "و", "ف", "ب", "ل", "ك")
#: Shortest stem a prefix may leave, so short words are not cut to nothing.
MIN_STEM = 3
ARABIC_WORD = re.compile("[\u0600-\u06ff\u0750-\u077f]+")


def normalise(word: str) -> str:
    """The word without diacritics and with letter variants folded."""
    return DIACRITICS.sub("", word).translate(FOLD)


def forms(word: str) -> list[str]:
    """The normalised word and each form left by removing attached prefixes, one at a time."""
    found = [normalise(word)]
    for form in found:
        for prefix in PREFIXES:
            if form.startswith(prefix) and len(form) - len(prefix) >= MIN_STEM:
                stem = form[len(prefix):]
                if stem not in found:
                    found.append(stem)
                break
    return found


def hidden_forms(text: str) -> str:
    """The extra forms of every Arabic word of `text`, as text readers never see."""
    words = dict.fromkeys(form for word in ARABIC_WORD.findall(re.sub(r"<[^>]+>", " ", text))
                          for form in forms(word) if form != word)
    return f'<span hidden>{" ".join(words)}</span>' if words else ""


def expand_search_index(index_file: Path) -> None:
    """Add the hidden forms to every entry of a Material search index, in place."""
    index = json.loads(index_file.read_text(encoding="utf-8"))
    for doc in index["docs"]:
        doc["text"] = doc.get("text", "") + hidden_forms(f"{doc.get('title', '')} {doc.get('text', '')}")
    index_file.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")),
                          encoding="utf-8")
