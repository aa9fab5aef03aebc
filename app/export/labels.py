"""The words a briefing prints, in English or Spanish, without Qt.

The export layer runs on the command line too, where no translator is installed; these few strings
live here. The vocabulary (statuses, jurisdictions, kinds) is translated once, for the window, in
the Spanish catalogue: it is read from there, so the window and a briefing never disagree.
"""

from __future__ import annotations

import functools
import xml.etree.ElementTree as ET
from datetime import date

from app.domain.dates import PartialDate

LANGUAGES = ("en", "es")

MONTHS = {
    "en": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
    "es": [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ],
}

STRINGS: dict[str, dict[str, str]] = {
    "en": {
        "briefing": "Policy briefing",
        "brief": "Policy brief",
        "as_of": "As of {date}",
        "prepared_by": "Prepared by {who}",
        "at_a_glance": "At a glance",
        "contents": "Contents",
        "policy": "Policy",
        "current_status": "Current status",
        "since": "Since",
        "since_date": "since {date}",
        "page": "Page",
        "page_of": "Page {page} of {pages}",
        "overview": "Timeline of these policies",
        "overview_caption": "Every policy in this briefing over time.",
        "picture_caption": "Status over time; boxes mark events known only to the month or year.",
        "also_known_as": "Also known as",
        "jurisdiction": "Jurisdiction",
        "kind": "Kind",
        "legal_basis": "Legal basis",
        "agencies": "Agencies",
        "summary": "Summary",
        "key_points": "Key points",
        "no_summary": "No summary.",
        "status_history": "Status history",
        "key_events": "Key events",
        "earlier_events": "{count} earlier events are in the dossier.",
        "no_events": "No status events.",
        "date": "Date",
        "status": "Status",
        "what_happened": "What happened",
        "key_figures": "Key figures",
        "figure": "Figure",
        "value": "Value",
        "approximately": "about",
        "related": "Related policies",
        "sources": "Sources",
        "key_sources": "Key sources",
        "no_url": "No web address.",
        "notes_label": "Personal notes (yours, not part of the cited record)",
        "updated": "updated {date}",
        "pinned": "pinned",
        "no_status": "No status yet",
        "exported": "Made with Policy Tracker on {date}.",
        "today": "Today",
        "legend": "Legend",
        "superseded_by": "Superseded by",
        "last_verified": "Last verified",
        "where_sources_disagree": "Where sources disagree",
        "personal_notes": "Personal notes",
        "notes_aside": "Your own notes, not part of the cited record.",
        "changes_kind": "Changes since {date}",
        "what_changed": "What changed",
        "events_changed": "Status events",
        "figures_changed": "Figures",
        "sources_cited": "Sources",
        "happened_since": "Happened since {date}",
        "newly_recorded": "Newly recorded",
        "record_updated": "Record corrected",
        "removed_from_record": "Removed from the record",
        "changes_scope": "Changes since {date}: events dated since then, and what was recorded or corrected since.",
        "no_changes": "Nothing changed since {date}.",
        "count_happened": "{count} status events happened since {date}",
        "count_happened_one": "1 status event happened since {date}",
        "count_recorded": "{count} earlier events newly recorded",
        "count_recorded_one": "1 earlier event newly recorded",
        "count_corrected": "{count} records corrected or removed",
        "count_corrected_one": "1 record corrected or removed",
        "count_sources": "{count} sources added or changed",
        "count_sources_one": "1 source added or changed",
        "count_figures": "{count} figures added or changed",
        "count_figures_one": "1 figure added or changed",
        "count_notes": "{count} of your notes added or changed",
        "count_notes_one": "1 of your notes added or changed",
        "new_source": "new",
        "changed": "changed",
        "change": "Change",
        "chart_title": "Figures over time: {unit}",
        "chart_key_bar": "Bar: a figure over the period it covers",
        "chart_key_dot": "Dot: a figure for one day",
        "chart_key_approximate": "Dashed: approximate",
        "chart_key_gap": "Dotted baseline: no figure for that time",
        "chart_no_figure": "No figure from {start} to {end}",
        "chart_caption": "Figures in {unit}, each over the period it covers; numbers in brackets are sources.",
    },
    "es": {
        "briefing": "Informe de políticas",
        "brief": "Resumen de políticas",
        "as_of": "Al {date}",
        "prepared_by": "Preparado por {who}",
        "at_a_glance": "De un vistazo",
        "contents": "Índice",
        "policy": "Política",
        "current_status": "Estado actual",
        "since": "Desde",
        "since_date": "desde el {date}",
        "page": "Página",
        "page_of": "Página {page} de {pages}",
        "overview": "Cronología de estas políticas",
        "overview_caption": "Cada política de este informe a lo largo del tiempo.",
        "picture_caption": "Estado a lo largo del tiempo; los recuadros marcan hechos fechados solo por mes o año.",
        "also_known_as": "También conocida como",
        "jurisdiction": "Jurisdicción",
        "kind": "Tipo",
        "legal_basis": "Fundamento jurídico",
        "agencies": "Organismos",
        "summary": "Resumen",
        "key_points": "Puntos clave",
        "no_summary": "Sin resumen.",
        "status_history": "Historial de estados",
        "key_events": "Hechos clave",
        "earlier_events": "Los {count} hechos anteriores figuran en el informe completo.",
        "no_events": "Sin cambios de estado.",
        "date": "Fecha",
        "status": "Estado",
        "what_happened": "Qué ocurrió",
        "key_figures": "Cifras clave",
        "figure": "Cifra",
        "value": "Valor",
        "approximately": "aprox.",
        "related": "Políticas relacionadas",
        "sources": "Fuentes",
        "key_sources": "Fuentes principales",
        "no_url": "Sin dirección web.",
        "notes_label": "Notas personales (tuyas, no forman parte del registro citado)",
        "updated": "actualizada el {date}",
        "pinned": "fijada",
        "no_status": "Sin estado aún",
        "exported": "Elaborado con Policy Tracker el {date}.",
        "today": "Hoy",
        "legend": "Leyenda",
        "superseded_by": "Sustituida por",
        "last_verified": "Verificada por última vez",
        "where_sources_disagree": "Donde las fuentes discrepan",
        "personal_notes": "Notas personales",
        "notes_aside": "Tus propias notas, no forman parte del registro citado.",
        "changes_kind": "Cambios desde el {date}",
        "what_changed": "Qué cambió",
        "events_changed": "Cambios de estado",
        "figures_changed": "Cifras",
        "sources_cited": "Fuentes",
        "happened_since": "Ocurrido desde el {date}",
        "newly_recorded": "Registrado ahora",
        "record_updated": "Registro corregido",
        "removed_from_record": "Retirado del registro",
        "changes_scope": "Cambios desde el {date}: hechos fechados desde entonces, y lo registrado o corregido desde entonces.",
        "no_changes": "Nada cambió desde el {date}.",
        "count_happened": "{count} cambios de estado ocurridos desde el {date}",
        "count_happened_one": "1 cambio de estado ocurrido desde el {date}",
        "count_recorded": "{count} hechos anteriores registrados ahora",
        "count_recorded_one": "1 hecho anterior registrado ahora",
        "count_corrected": "{count} registros corregidos o retirados",
        "count_corrected_one": "1 registro corregido o retirado",
        "count_sources": "{count} fuentes añadidas o modificadas",
        "count_sources_one": "1 fuente añadida o modificada",
        "count_figures": "{count} cifras añadidas o modificadas",
        "count_figures_one": "1 cifra añadida o modificada",
        "count_notes": "{count} notas tuyas añadidas o modificadas",
        "count_notes_one": "1 nota tuya añadida o modificada",
        "new_source": "nueva",
        "changed": "modificada",
        "change": "Cambio",
        "chart_title": "Cifras a lo largo del tiempo: {unit}",
        "chart_key_bar": "Barra: una cifra sobre el periodo que abarca",
        "chart_key_dot": "Punto: una cifra de un solo día",
        "chart_key_approximate": "Discontinua: aproximada",
        "chart_key_gap": "Base punteada: sin cifra en ese tiempo",
        "chart_no_figure": "Sin cifra del {start} al {end}",
        "chart_caption": "Cifras en {unit}, cada una sobre el periodo que abarca; los números entre corchetes son fuentes.",
    },
}


# In a briefing of changes, the sections a policy has are named for what they hold now.
CHANGES_SECTIONS = {
    "summary": "what_changed",
    "status_history": "events_changed",
    "key_figures": "figures_changed",
    "sources": "sources_cited",
}


def section(language: str, key: str, changes: bool) -> str:
    """A section's heading; in a briefing of changes (`changes`), the heading of what it holds there."""
    return text(language, CHANGES_SECTIONS.get(key, key) if changes else key)


def supported(language: str) -> str:
    """The language itself when a briefing can be written in it, else English."""
    code = (language or "").replace("-", "_").split("_")[0].lower()
    return code if code in LANGUAGES else "en"


def text(language: str, key: str, **values: object) -> str:
    template = STRINGS[supported(language)][key]
    return template.format(**values) if values else template


def date_label(iso: str, language: str) -> str:
    """A partial ISO date at its precision: "24 Jan 2019" / "24 de enero de 2019"."""
    if not iso:
        return ""
    partial = PartialDate.parse(iso)
    if supported(language) == "en":
        return partial.display("en")
    if partial.month is None:
        return str(partial.year)
    month = MONTHS["es"][partial.month - 1]
    if partial.day is None:
        return f"{month} de {partial.year}"
    return f"{partial.day} de {month} de {partial.year}"


def day_label(day: date, language: str) -> str:
    return date_label(day.isoformat(), language)


def month_name(month: int, language: str) -> str:
    """Short month names for a timeline's axis."""
    name = MONTHS[supported(language)][month - 1]
    return name if supported(language) == "en" else name[:3]


@functools.cache
def _catalogue_vocabulary(language: str) -> dict[str, str]:
    """The window's translations of the vocabulary (context "Vocabulary"), read from its .ts file."""
    if language == "en":
        return {}
    from app.paths import resources_dir

    path = resources_dir() / "translations" / f"policy_tracker_{language}.ts"
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError):
        return {}
    found = {}
    for context in root.iter("context"):
        if context.findtext("name") != "Vocabulary":
            continue
        for message in context.iter("message"):
            source, translation = message.findtext("source"), message.findtext("translation")
            if source and translation:
                found[source] = translation
    return found


def vocabulary(label: str, language: str) -> str:
    """A status, jurisdiction, kind or relation label in the briefing's language."""
    return _catalogue_vocabulary(supported(language)).get(label, label)
