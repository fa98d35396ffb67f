"""Arabic search that matches words the way Arabic is written.

Material's search finds whole tokens (with a trailing wildcard), so a query for جواز misses
بجواز and والجواز, and a query typed without hamza or with diacritics misses the written form.
Zensical's search matches token prefixes, loosely, but not these reliably either. At build
time every Arabic word of the search index (whichever engine wrote it) gets its normalised form
and its forms without attached prefixes, as hidden text; in the browser, arabic-search.js turns
each query word into its shortest form, which the index then holds for every spelling of the
word. Both apply the rules below, and a browser test checks they agree.
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
#: The span of added forms. Its class lets a second expansion replace it; `hidden` has a value
#: because Zensical re-creates result excerpts with Preact, which reads a bare `hidden` as "",
#: that is false, and would show the forms to the reader.
FORMS_OPEN = '<span class="ls-search-forms" hidden="hidden">'
ADDED_FORMS = re.compile(f"{re.escape(FORMS_OPEN)}[^<]*</span>")


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
    return f'{FORMS_OPEN}{" ".join(words)}</span>' if words else ""


#: The search indexes each engine writes, relative to the site folder, and the key of their
#: entry list. Material writes search/search_index.json ({"config", "docs"}); Zensical writes
#: search.json ({"config", "items"}, each item's text HTML, tokenised as text by its worker).
#: Both may also write the same index as a script (`var __index = {...};`) for pages opened
#: from disk: Material's offline plugin after our plugin has run, Zensical's in its own build.
INDEXES = (("search/search_index.json", "docs"), ("search/search_index.js", "docs"),
           ("search.json", "items"), ("search.js", "items"))
SCRIPT_PREFIX = "var __index = "


def expand_search_indexes(site_dir: Path) -> None:
    """Add the hidden forms to every entry of whichever search index the engine wrote into
    `site_dir` (Material's or Zensical's, JSON or script), in place; running it again changes
    nothing."""
    for name, key in INDEXES:
        index_file = site_dir / name
        if not index_file.is_file():
            continue
        source = index_file.read_text(encoding="utf-8")
        script = source.startswith(SCRIPT_PREFIX)
        index = json.loads(source.removeprefix(SCRIPT_PREFIX).rstrip().removesuffix(";"))
        for entry in index[key]:
            text = ADDED_FORMS.sub("", entry.get("text", ""))
            entry["text"] = text + hidden_forms(f"{entry.get('title', '')} {text}")
        expanded = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
        index_file.write_text(f"{SCRIPT_PREFIX}{expanded};" if script else expanded, encoding="utf-8")
