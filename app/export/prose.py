"""Keep the record's internal keys out of a briefing's prose.

Research text sometimes refers to a source or policy by its key ("(article-2021-03-18-…)",
"see asylum-restrictions-2023"). A reader cannot follow a key: a policy key becomes the policy's
title, a reference to a source key is dropped, and a bare source key becomes "another source".
Addresses (URLs) are left exactly as they are.
"""

from __future__ import annotations

import functools
import re

_URL = re.compile(r"https?://\S+")
# A key: lowercase words joined by hyphens, at least three of them, one a year ("2021") or
# a known policy slug (matched separately, below).
_KEY = r"[a-z0-9]+(?:-[a-z0-9]+){2,}"
_KEY_WITH_YEAR = re.compile(
    rf"(?<![\w/.@-])(?=(?:[a-z0-9]+-)*(?:19|20)\d\d(?![a-z0-9]))(?=[a-z0-9-]*[a-z]){_KEY}(?![\w/-])"
)


# Any lowercase hyphenated word: where a policy slug can stand (a slug is always a whole one).
_TOKEN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@functools.lru_cache(maxsize=256)
def _patterns(names: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The parenthesis, "see" and bare-key patterns for texts in which these slugs occur."""
    alternatives = "|".join(re.escape(s) for s in names)
    slug_key = rf"|(?<![\w/.@-])(?:{alternatives})(?![\w/-])" if alternatives else ""
    key = rf"(?:{_KEY_WITH_YEAR.pattern}{slug_key})"
    ref = rf"(?:see(?: also)?\s+)?{key}"
    return (
        re.compile(rf"\s*\(\s*{ref}(?:\s*[,;]\s*(?:and\s+)?{ref})*\s*\)"),
        re.compile(rf"(?P<lead>[,;]?\s*)(?P<see>[Ss]ee(?: also)?\s+)(?P<key>{key})"),
        re.compile(key),
    )


def _scrub(text: str, slugs: dict[str, str]) -> str:
    original = text
    # Only the slugs this text holds go into the patterns: a workspace has thousands of them, and
    # a pattern naming them all costs seconds per briefing.
    present = sorted({t for t in _TOKEN.findall(text) if t in slugs}, key=lambda s: (-len(s), s))
    parenthesis, see_pattern, key_pattern = _patterns(tuple(present))
    # "(article-…)", "(see p1-…; see x-…)": a parenthesis holding only references goes entirely.
    text = parenthesis.sub("", text)

    # "; see asylum-restrictions-2023" at the end of a clause: a policy becomes its title.
    def see(match: re.Match[str]) -> str:
        token = match.group("key")
        if token in slugs:
            return f"{match.group('lead')}{match.group('see')}“{slugs[token]}”"
        return ""

    text = see_pattern.sub(see, text)

    def bare(match: re.Match[str]) -> str:
        token = match.group(0)
        return f"“{slugs[token]}”" if token in slugs else "another source"

    scrubbed = key_pattern.sub(bare, text)
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
