"""One citation style for every writer: Chicago notes-bibliography, as US policy writing uses it.

A citation is returned as runs of text with an italic flag (case names are italic), so that each
writer renders italics its own way: <i> in HTML, *…* in Markdown, an italic run in Word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.domain.excerpts import supporting_excerpt as supporting_excerpt  # briefings quote by it
from app.export.labels import MONTHS as SHORT_MONTHS

if TYPE_CHECKING:
    from app.export.briefing import Citation

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
SPANISH_MONTHS = SHORT_MONTHS["es"]  # Spanish dates spell months out, in labels and citations alike
NO_URL = {"en": "No URL recorded.", "es": "Sin URL registrada."}
AND = {"en": "and", "es": "y"}


@dataclass(frozen=True)
class Run:
    text: str
    italic: bool = False


def chicago_date(iso: str, language: str = "en") -> str:
    """ "2019-01-24" → "January 24, 2019"; "2019-01" → "January 2019"; "2019" → "2019"
    (in Spanish: "24 de enero de 2019", "enero de 2019")."""
    parts = iso.split("-")
    spanish = language == "es"
    try:
        month = (SPANISH_MONTHS if spanish else MONTHS)[int(parts[1]) - 1] if len(parts) >= 2 else ""
        if len(parts) >= 3:
            day = int(parts[2])
            return f"{day} de {month} de {parts[0]}" if spanish else f"{month} {day}, {parts[0]}"
        if len(parts) == 2:
            return f"{month} de {parts[0]}" if spanish else f"{month} {parts[0]}"
    except (ValueError, IndexError):
        return iso
    return iso


def join_names(names: list[str], language: str = "en") -> str:
    """ "A", "A and B", "A, B, and C" (Chicago's serial comma; Spanish has none); more than three: "A et al."."""
    names = [n.strip() for n in names if n.strip()]
    word = AND.get(language, "and")
    if len(names) > 3:
        return f"{names[0]} et al."
    if len(names) == 3:
        return f"{names[0]}, {names[1]}{',' if word == 'and' else ''} {word} {names[2]}"
    return f" {word} ".join(names)


# "No. 24-50149", "Civil Action No. 1:18-cv-00068", "S.B. No. 4": the docket or bill number.
_DOCKET = re.compile(r"\b(?:Civil Action )?No\.\s*[0-9A-Za-z][\w:.-]*[\w]")
# Congressional Research Service products: R40135, RL33925, IF10578, IN11234, RS22118 (in the URL).
_CRS_REPORT = re.compile(r"(?<![A-Z0-9])((?:RL|RS|IF|IN|R)\d{4,5})(?![0-9])")


def report_number(title: str, url: str, issuer: str, publisher: str) -> str:
    """The report or docket number, from where the source records it: its title or its address."""
    found = _DOCKET.search(title)
    if found:
        return found.group(0)
    if (
        "Congressional Research Service" in (issuer + publisher)
        or "crsreports" in url
        or "everycrsreport" in url
    ):
        crs = _CRS_REPORT.search(url) or _CRS_REPORT.search(title)
        if crs:
            return f"CRS Report {crs.group(1)}"
    return ""


# A case name: "Biden v. Texas", "Las Americas Immigrant Advocacy Center et al. v. McCraw et al.".
# It ends where the citation goes on: a comma, semicolon, colon, parenthesis or dash.
_CASE = re.compile(r"[A-Z][^,;:()—–\[\]]*? v\. [^,;:()—–\[\]]*[^,;:()—–\[\]\s]")


def title_runs(title: str) -> list[Run]:
    """The title with every case name in italics."""
    runs: list[Run] = []
    at = 0
    for match in _CASE.finditer(title):
        if match.start() > at:
            runs.append(Run(title[at : match.start()]))
        runs.append(Run(match.group(0), italic=True))
        at = match.end()
    if at < len(title):
        runs.append(Run(title[at:]))
    return runs


def is_case(citation: Citation) -> bool:
    return citation.kind_value == "court" and bool(_CASE.match(citation.title))


def citation_runs(citation: Citation, language: str = "en") -> list[Run]:
    """Authors, “Title,” Publisher, Date, Report No. URL. — a court case as *Name*, citation."""
    runs: list[Run] = []
    authors = join_names(list(citation.authors), language)
    if authors:
        runs.append(Run(authors + ", "))
    title = citation.title.strip().rstrip(".")
    tail = [
        x
        for x in (
            citation.publisher,
            chicago_date(citation.published_iso, language) if citation.published_iso else "",
            "" if citation.report_number in title else citation.report_number,
        )
        if x
    ]
    if is_case(citation):
        runs += title_runs(title)  # the case citation itself, its name in italics, no quotes
        runs.append(Run(", " if tail else "."))
    else:
        inner = title_runs(title)
        ends_in_mark = title[-1:] in "?!"
        runs.append(Run("“"))
        runs += inner
        runs.append(Run(("”" if ends_in_mark else ",”") + " " if tail else ("”" if ends_in_mark else ".”")))
    if tail:
        runs.append(Run(", ".join(tail) + "."))
    runs.append(Run(" " + (citation.url if citation.url else NO_URL.get(language, NO_URL["en"]))))
    return _merged(runs)


def _merged(runs: list[Run]) -> list[Run]:
    out: list[Run] = []
    for run in runs:
        if not run.text:
            continue
        if out and out[-1].italic == run.italic:
            out[-1] = Run(out[-1].text + run.text, run.italic)
        else:
            out.append(run)
    return out


def citation_text(citation: Citation, language: str = "en") -> str:
    """The citation as plain text (for CSV cells and anywhere italics cannot be shown)."""
    return "".join(run.text for run in citation_runs(citation, language))
