"""Names as residents read them: the KATO registry abbreviates the kind of place ("г.Караганда",
"Қарағанды Қ.Ә.", "Карагандинский с.о.", "Рахмет Тоғысбаев атын.а."); pages spell it out.

The stored names stay exactly as the registry has them (imports compare against them); only the display
changes. Each rule is a regular expression on the raw name, applied in order (compound abbreviations first).
"""

from __future__ import annotations

import re
from functools import lru_cache

_END = r"(?=$|[\s,)])"

_RULES_RU: list[tuple[str, str]] = [
    (r"\bс\.о\.\s*им\.\s*", "сельский округ имени "),
    (r"\bс\.\s*им\.\s*", "село имени "),
    (r"\bс\.\s*имени\s+", "село имени "),
    (r"\bим\.\s*", "имени "),
    (r"\s+с\.о\.?" + _END, " сельский округ"),
    (r"^Жив\.\s*т(?:\.|очка)\s*", "животноводческая точка "),
    (r"^с\.о\.\s*", "сельский округ "),
    (r"\s+Г\.А\." + _END, " (городская администрация)"),
    (r"\s+г\.а\." + _END, " (городская администрация)"),
    (r"\s+р\.а\." + _END, " (районная администрация)"),
    (r"^р\.а\.\s*", "районная администрация "),
    (r"\s+п\.а\." + _END, " (поселковая администрация)"),
    (r"^с\.а\.\s*", "сельская администрация "),
    (r"^п\.а\.\s*", "поселковая администрация "),
    (r"\s+с\.а\." + _END, " (сельская администрация)"),
    (r"^г\.\s*", "город "),
    (r"^с\.\s*", "село "),
    (r"^п\.\s*", "посёлок "),
    (r"^ст\.\s*", "станция "),
    (r"^рзд\.\s*", "разъезд "),
    (r"^уч\.\s*", "участок "),
    (r"^отг\.ст\.\s*", "отгонная станция "),
    (r"^отг\.\s*", "отгон "),
]
_RULES_KK: list[tuple[str, str]] = [
    (r"\s*\bат(?:ын)?\.\s*а\.о\." + _END, " атындағы ауылдық округі"),
    (r"\s*\bат(?:ын)?\.\s*а\." + _END, " атындағы ауылы"),
    (r"\s*\bат(?:ын)?\.\s*(?=\S)", " атындағы "),
    (r"\s*\bатын\." + _END, " атындағы"),
    (r"\s+а\.о\.?" + _END, " ауылдық округі"),
    (r"\s+ж\." + _END, " жайлауы"),
    (r"\s+Қ\.Ә\." + _END, " қалалық әкімдігі"),
    (r"\s+қ\.ә\." + _END, " қалалық әкімдігі"),
    (r"\s+а\.ә\." + _END, " ауылдық әкімдігі"),
    (r"\s+к\.ә\." + _END, " кенттік әкімдігі"),
    (r"\s+қ\." + _END, " қаласы"),
    (r"\s+а\." + _END, " ауылы"),
    (r"\s+к\." + _END, " кенті"),
    (r"\s+с\." + _END, " селосы"),
    (r"\s+ст\." + _END, " стансасы"),
    (r"\s+уч\." + _END, " учаскесі"),
]
# Kazakh abbreviations stand after the name, Russian ones mostly before it, so one ordered list serves
# both columns (KATO's Russian column sometimes carries a Kazakh name).
_COMPILED = [(re.compile(p), r) for p, r in (*_RULES_KK, *_RULES_RU)]
_SPACES = re.compile(r"\s{2,}")


# "а.ә." is a rural akimat ("с.а." in the Russian column) except where the Russian column names a city
# district's administration ("р.а."): there it is the district akimat (Karaganda's two city districts).
_KK_DISTRICT_AKIMAT = re.compile(r"\s+а\.ә\." + _END)
_RU_DISTRICT_ADMIN = re.compile(r"(?:^|\s)р\.а\.(?=$|\s)")


@lru_cache(maxsize=65536)
def full_name(raw: str, registry_ru: str = "") -> str:
    """``raw`` with the registry's abbreviations written out, in the language the name is written in.
    ``registry_ru``, the registry's Russian name of the same unit, tells the kind of akimat "а.ә." is."""
    if not raw or "." not in raw:
        return raw
    text = raw
    if registry_ru and _RU_DISTRICT_ADMIN.search(registry_ru):
        text = _KK_DISTRICT_AKIMAT.sub(" аудандық әкімдігі", text)
    for pattern, repl in _COMPILED:
        text = pattern.sub(repl, text)
    return _SPACES.sub(" ", text).strip()


# Former and alternative official names of cities (renamings by decrees of the President and laws on the
# administrative-territorial structure), keyed by the registry's current Russian name. Search finds a city
# by any of them; pages show the current name.
FORMER_NAMES: dict[str, tuple[str, ...]] = {
    "г.Астана": ("Нұр-Сұлтан", "Нур-Султан", "Ақмола", "Акмола", "Акмолинск", "Целиноград"),
    "г.Алматы": ("Алма-Ата", "Верный"),
    "г.Шымкент": ("Чимкент",),
    "г.Семей": ("Семипалатинск",),
    "г.Актобе": ("Актюбинск",),
    "г.Тараз": ("Джамбул", "Жамбыл", "Аулие-Ата"),
    "г.Атырау": ("Гурьев",),
    "г.Кокшетау": ("Кокчетав",),
    "г.Актау": ("Шевченко",),
    "г.Жезказган": ("Джезказган",),
    "г.Кызылорда": ("Кзыл-Орда",),
    "г.Талдыкорган": ("Талды-Курган",),
    "г.Костанай": ("Кустанай",),
    "г.Конаев": ("Капшагай", "Капчагай"),
    "г.Петропавловск": ("Петропавл",),
}
