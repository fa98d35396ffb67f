"""The Content-Security-Policy every page carries, web and offline alike: scripts, styles,
fonts, images and connections from the site itself only, and no inline script but the theme's
own, allowed by hash. So even a script planted in content neither runs nor, if it ran, could
send a checklist answer anywhere.

The theme's inline scripts are hashed as the theme writes them for each page (its
`partials/javascripts/` templates, rendered by theme/main.html with the page's own values);
nothing else on a page is trusted. A `<meta http-equiv>` carries the policy because the offline
copy, opened from files, has no server to send a header. `mkdocs serve` leaves it out: the
live-reload script it injects is inline and changes with every request.

An engine that runs no template filter of ours (Zensical) writes pages without the policy; the
build adds it afterwards (`with_policy`), trusting the inline scripts outside the page's article,
which are the theme's: what content puts in the article is never trusted.
"""

from __future__ import annotations

import base64
import hashlib
import re

#: Where Material keeps the templates of its inline scripts.
THEME_SCRIPTS = "partials/javascripts/"
_INLINE_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<code>.*?)</script>", re.S | re.I)
_HEAD = re.compile(r"<head\b[^>]*>", re.I)
_ARTICLE = re.compile(r"<article\b.*?</article>", re.S | re.I)
_POLICY_META = 'http-equiv="Content-Security-Policy"'
_NOT_CODE = re.compile(r"""\bsrc\s*=|\btype\s*=\s*(?!["']?(?:text/javascript|module)\b)""", re.I)
DIRECTIVES = (
    ("default-src", "'self'"),
    ("img-src", "'self' data:"),   # the theme's icons are SVG data: URLs in its stylesheet
    ("font-src", "'self'"),
    ("style-src", "'self'"),
    ("connect-src", "'self'"),
    ("worker-src", "'self'"),       # the search worker, and the app's service worker (sw.js)
    ("manifest-src", "'self'"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
)


def is_theme_script(template: str) -> bool:
    """Whether a theme template is one of those writing an inline script."""
    return template.startswith(THEME_SCRIPTS)


def script_hashes(html: str) -> list[str]:
    """The CSP source of each inline script in `html` (data blocks and external scripts left
    out), in order of first appearance."""
    codes = [m.group("code") for m in _INLINE_SCRIPT.finditer(html)
             if not _NOT_CODE.search(m.group("attrs"))]
    digests = (base64.b64encode(hashlib.sha256(code.encode()).digest()).decode() for code in codes)
    return list(dict.fromkeys(f"'sha256-{digest}'" for digest in digests))


def content_security_policy(theme_scripts: str) -> str:
    """The policy for a page whose theme writes the inline scripts in `theme_scripts`."""
    script_src = " ".join(["'self'", *script_hashes(theme_scripts)])
    directives = [*DIRECTIVES[:1], ("script-src", script_src), *DIRECTIVES[1:]]
    return "; ".join(f"{name} {sources}" for name, sources in directives)


def with_policy(html: str) -> str:
    """A page written without its policy, with the policy first in its head (a page that has one
    is returned as it is)."""
    head = _HEAD.search(html)
    if head is None or _POLICY_META in html:
        return html
    policy = content_security_policy(_ARTICLE.sub("", html))
    return f'{html[:head.end()]}\n<meta {_POLICY_META} content="{policy}">{html[head.end():]}'
