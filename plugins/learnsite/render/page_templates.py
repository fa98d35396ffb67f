"""The Markdown templates of the generated pages (render/templates/), rendered with the interface
strings of the catalogue's language as `t`."""

from __future__ import annotations

from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined

from learnsite.model.catalogue import Catalogue
from learnsite.strings import translator


@cache
def env() -> Environment:
    """The templates' environment (Markdown: nothing is escaped here; texts are checked)."""
    return Environment(loader=PackageLoader("learnsite.render", "templates"), autoescape=False,
                       trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
                       undefined=StrictUndefined)


def html_templates(package: str) -> Environment:
    """The HTML templates of a printed output (handbooks, slides) in `package`'s `templates/`:
    every value is escaped unless marked `| safe` (the HTML rendered from Markdown), so an
    author's text prints as the text it is."""
    return Environment(loader=PackageLoader(package, "templates"), autoescape=True,
                       trim_blocks=True, lstrip_blocks=True, undefined=StrictUndefined)


def render(template: str, cat: Catalogue, **context: object) -> str:
    """Render a template with the catalogue's language's interface strings as `t`."""
    return env().get_template(template).render(t=translator(cat.language), **context)
