"""What the web makes interactive, laid out for paper: each tab printed under its own title, one
after another; collapsible boxes open; no permalink or footnote back-link symbols to click; an
abbreviation spelt out where it is first used, since paper has no tooltip.

A Markdown tree processor run after every extension of the site's one configuration, in the print
editions only, so web and print render through the same extensions and options and differ only
here. (Tabs cannot be unfolded by CSS alone: a tab's title and body sit in separate lists.)
"""

from __future__ import annotations

import xml.etree.ElementTree as etree  # noqa: N813 - Python-Markdown's own name for it

from markdown.treeprocessors import Treeprocessor

PRIORITY = 1
"""After the extensions that add to the tree: abbreviations (7), toc's permalinks (5), tab ids (4)."""
_CLICK_ONLY = {"headerlink", "footnote-backref"}


class PrintTreeprocessor(Treeprocessor):
    """Lays out a converted page's interactive parts for print."""

    def run(self, root: etree.Element) -> None:
        """Unfold tabs, open details, drop links that only make sense on a screen, spell out
        abbreviations at their first use."""
        parents = {child: parent for parent in root.iter() for child in parent}
        spelt_out: set[str] = set()
        for element in list(root.iter()):
            classes = set(element.get("class", "").split())
            if element.tag == "div" and "tabbed-set" in classes:
                _unfold_tabs(element)
            elif element.tag == "details":
                element.set("open", "open")
            elif element.tag == "a" and classes & _CLICK_ONLY:
                _remove(parents[element], element)
            elif element.tag == "abbr" and element.get("title") and element.text not in spelt_out:
                spelt_out.add(element.text or "")
                element.tail = f" ({element.get('title')}){element.tail or ''}"


def _unfold_tabs(tabs: etree.Element) -> None:
    """A set of tabs (pymdownx, either style) as one titled section per tab, in order."""
    titles = [child for holder in (tabs, *tabs.iterfind("div[@class='tabbed-labels']"))
              for child in holder if child.tag == "label"]
    bodies = [*tabs.iterfind("div[@class='tabbed-content']/div[@class='tabbed-block']")] or \
        [*tabs.iterfind("div[@class='tabbed-content']")]
    tabs.clear()
    tabs.set("class", "ls-tabs")
    for title, body in zip(titles, bodies, strict=True):
        tab = etree.SubElement(tabs, "div", {"class": "ls-tab"})
        title.tag, title.attrib, title.tail = "p", {"class": "ls-tab-title"}, None
        body.attrib = {"class": "ls-tab-body"}
        tab.extend((title, body))


def _remove(parent: etree.Element, element: etree.Element) -> None:
    """Take `element` out of `parent`, keeping the text that followed it."""
    index = list(parent).index(element)
    if element.tail:
        if index:
            before = parent[index - 1]
            before.tail = (before.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)
