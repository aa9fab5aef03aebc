"""Keep the record's internal keys out of a briefing's prose.

Research text sometimes refers to a source or policy by its key ("(article-2021-03-18-…)",
"see asylum-restrictions-2023"). A reader cannot follow a key: a policy key becomes the policy's
title, a reference to a source key is dropped, and a bare source key becomes "another source".
Addresses (URLs) are left exactly as they are.
"""

from __future__ import annotations

import re

_URL = re.compile(r"https?://\S+")
# A key: lowercase words joined by hyphens, at least three of them, one a year ("2021") or
# a known policy slug (matched separately, below).
_KEY = r"[a-z0-9]+(?:-[a-z0-9]+){2,}"
_KEY_WITH_YEAR = re.compile(
    rf"(?<![\w/.@-])(?=(?:[a-z0-9]+-)*(?:19|20)\d\d(?![a-z0-9]))(?=[a-z0-9-]*[a-z]){_KEY}(?![\w/-])"
)


def _scrub(text: str, slugs: dict[str, str]) -> str:
    original = text
    names = "|".join(re.escape(s) for s in sorted(slugs, key=len, reverse=True))
    slug_key = rf"|(?<![\w/.@-])(?:{names})(?![\w/-])" if names else ""
    key = rf"(?:{_KEY_WITH_YEAR.pattern}{slug_key})"
    ref = rf"(?:see(?: also)?\s+)?{key}"
    # "(article-…)", "(see p1-…; see x-…)": a parenthesis holding only references goes entirely.
    text = re.sub(rf"\s*\(\s*{ref}(?:\s*[,;]\s*(?:and\s+)?{ref})*\s*\)", "", text)

    # "; see asylum-restrictions-2023" at the end of a clause: a policy becomes its title.
    def see(match: re.Match[str]) -> str:
        token = match.group("key")
        if token in slugs:
            return f"{match.group('lead')}{match.group('see')}“{slugs[token]}”"
        return ""

    text = re.sub(rf"(?P<lead>[,;]?\s*)(?P<see>[Ss]ee(?: also)?\s+)(?P<key>{key})", see, text)

    def bare(match: re.Match[str]) -> str:
        token = match.group(0)
        return f"“{slugs[token]}”" if token in slugs else "another source"

    scrubbed = re.sub(key, bare, text)
    if scrubbed == original:
        return original
    return re.sub(r"[ \t]+([,.;:])", r"\1", re.sub(r"[ \t]{2,}", " ", scrubbed))


def without_keys(text: str, slugs: dict[str, str]) -> str:
    """The text with its keys replaced (see the module); `slugs` maps policy slug → title."""
    if not text:
        return text
    out, at = [], 0
    for url in _URL.finditer(text):
        out.append(_scrub(text[at : url.start()], slugs))
        out.append(url.group(0))
        at = url.end()
    out.append(_scrub(text[at:], slugs))
    return "".join(out)
