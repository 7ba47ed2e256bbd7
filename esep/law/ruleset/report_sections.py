"""What a report must say: the sections each act requires, as rule versions by date of force and kind.

- Chief's report: Decree 723 p.22 (to the assumed end of its force for chiefs), then Order 608 p.6. Both
  list the same ten sub-paragraphs in the same order (1) crime situation ... 10) other issues), so the
  sub-paragraph of a section is its position in the value.
- Inspector's report: Decree 723 p.27, then Order 1095 p.30 as added by Order 652. Both give one sentence
  with five elements in the same order (crime situation in the precinct and measures to stabilise it,
  prevention work, involving citizens in keeping public order, changes in legislation on preventive work,
  measures on complaints and appeals including those received at previous reports).

The rule ``report.sections`` holds the section keys; :data:`SECTIONS` holds each section's title in the three
languages, read from the seed texts (Russian from Decree 723 / Order 608, Kazakh from Order 608 / Order 652).
"""

from __future__ import annotations

from dataclasses import dataclass

from esep.law.rules import Rule, register
from esep.law.ruleset.dates import (
    CHIEF,
    D723_CHIEF_TO,
    D723_FROM,
    D723_INSPECTOR_TO,
    INSPECTOR,
    NOTE_608,
    NOTE_652,
    NOTE_723,
    O608_FROM,
    O652_FROM,
)
from esep.law.ruleset.meetings import _s


@dataclass(frozen=True)
class Section:
    key: str
    title_en: str
    title_kk: str
    title_ru: str

    def title(self, lang: str = "en") -> str:
        return getattr(self, f"title_{lang}", "") or self.title_en


CHIEF_SECTIONS = (
    Section(
        "crime_situation",
        "The crime situation on the territory served",
        "Қызмет көрсетілетін аумақтағы криминогендік жағдай",
        "Криминогенная ситуация на обслуживаемой территории",
    ),
    Section(
        "programmes",
        "Results of the republican and regional programmes against crime and for crime prevention",
        "Қылмысқа қарсы күрес және құқық бұзушылық профилактикасы жөніндегі республикалық және өңірлік "
        "бағдарламаларды іске асыру нәтижелері",
        "Результаты реализации республиканских и региональных программ по борьбе с преступностью и "
        "профилактике правонарушений",
    ),
    Section(
        "rights_and_investigation",
        "Main results in protecting citizens' rights and freedoms, preventing, detecting, solving and "
        "investigating offences",
        "Азаматтардың құқықтары мен бостандықтарын қорғау, құқық бұзушылықтардың алдын алу, анықтау, ашу және "
        "тергеу жөніндегі полиция қызметінің негізгі қорытындылары",
        "Основные итоги деятельности полиции по защите прав и свобод граждан, предупреждению, выявлению, "
        "раскрытию и расследованию правонарушений",
    ),
    Section(
        "public_order",
        "Effectiveness of measures for public order and road safety, crime prevention and counteraction",
        "Қоғамдық тәртіп пен жол қауіпсіздігін қамтамасыз ету, қылмыс профилактикасы және оған қарсы іс-қимыл "
        "бойынша қабылданған шаралардың тиімділігі",
        "Эффективность принятых мер по обеспечению общественного порядка и дорожной безопасности, "
        "профилактике и противодействию преступности",
    ),
    Section(
        "anti_corruption",
        "State and results of anti-corruption work",
        "Сыбайлас жемқорлық көріністеріне қарсы іс-қимыл жөніндегі жұмыстың жай-күйі мен нәтижелілігі",
        "Состояние и результативность работы по противодействию коррупционным проявлениям",
    ),
    Section(
        "appeals",
        "Results of handling appeals of individuals, legal entities, maslikhat deputies and state bodies, and "
        "reaction to media publications about shortcomings",
        "Жеке және заңды тұлғалардың, мәслихаттар депутаттарының, мемлекеттік органдардың өтініштерін қарау "
        "нәтижелері, сондай-ақ кемшіліктер туралы БАҚ жарияланымдарына ден қою шаралары",
        "Результаты рассмотрения обращений физических и юридических лиц, депутатов маслихатов, государственных "
        "органов, а также меры реагирования на публикации в СМИ о недостатках",
    ),
    Section(
        "public_opinion",
        "Results of monitoring public opinion about the police body",
        "Аумақтық полиция органдарының қызметі туралы қоғамдық пікір мониторингінің қорытындылары",
        "Итоги мониторинга общественного мнения о деятельности территориального органа полиции",
    ),
    Section(
        "legislation",
        "Changes in the legislation of the Republic of Kazakhstan on police activity",
        "Қазақстан Республикасының полиция қызметі саласындағы заңнамасына өзгерістер",
        "Изменения законодательства Республики Казахстан в сфере деятельности полиции",
    ),
    Section(
        "local_problems",
        "Problems of the police body's work that need a solution at the local level",
        "Жергілікті деңгейде шешуді талап ететін аумақтық полиция органдарының қызметін ұйымдастырудағы "
        "проблемалық мәселелер",
        "Проблемные вопросы в организации деятельности территориального органа полиции, требующие разрешения "
        "на местном уровне",
    ),
    Section(
        "other",
        "Other issues of the situation on the territory served",
        "Қызмет көрсетілетін аумақтағы қалыптасқан жағдайға сәйкес қарауды талап ететін өзге де мәселелер",
        "Иные вопросы, требующие рассмотрения в соответствии со складывающейся ситуацией на обслуживаемой территории",
    ),
)

INSPECTOR_SECTIONS = (
    Section(
        "precinct_crime_situation",
        "The crime situation in the precinct and measures to stabilise it",
        "Әкімшілік учаскедегі криминогендік жағдай және оны тұрақтандыру бойынша қабылданып жатқан шаралар",
        "Криминогенная ситуация на административном участке и принимаемые меры по ее стабилизации",
    ),
    Section(
        "prevention",
        "Crime-prevention work",
        "Құқық бұзушылық профилактикасы бойынша жүргізіліп жатқан жұмыс",
        "Проводимая работа по профилактике правонарушений",
    ),
    Section(
        "citizen_involvement",
        "Involving citizens in keeping public order",
        "Азаматтарды қоғамдық тәртіпті сақтауға тарту бойынша жұмыс",
        "Вовлечение граждан в обеспечение охраны общественного порядка",
    ),
    Section(
        "prevention_legislation",
        "Changes in the legislation on preventive police work",
        "Полицияның профилактикалық қызметі саласындағы заңнамадағы өзгерістер",
        "Изменения в законодательстве в сфере профилактической деятельности полиции",
    ),
    Section(
        "complaints",
        "Measures taken on complaints and appeals, including those received at the previous report",
        "Шағымдар мен өтініштер, оның ішінде өткен есеп беру барысында келіп түскендері бойынша қабылданған шаралар",
        "Принятые меры по жалобам и обращениям, в том числе поступившим в ходе предыдущих отчетов",
    ),
)

SECTIONS: dict[str, Section] = {s.key: s for s in (*CHIEF_SECTIONS, *INSPECTOR_SECTIONS)}

_CHIEF_KEYS = tuple(s.key for s in CHIEF_SECTIONS)
_INSPECTOR_KEYS = tuple(s.key for s in INSPECTOR_SECTIONS)

_SUMMARY_CHIEF = _s(
    "A chief's report covers ten sections: the crime situation, prevention programmes, rights and "
    "investigation, public order and road safety, anti-corruption work, appeals and media, public opinion, "
    "changes in legislation, local problems, other issues.",
    "Бастықтың есебі он бөлімнен тұрады: криминогендік жағдай, профилактика бағдарламалары, құқықтарды "
    "қорғау және тергеу, қоғамдық тәртіп пен жол қауіпсіздігі, сыбайлас жемқорлыққа қарсы іс-қимыл, өтініштер "
    "мен БАҚ, қоғамдық пікір, заңнамадағы өзгерістер, жергілікті проблемалар, өзге мәселелер.",
    "Отчет начальника содержит десять разделов: криминогенная ситуация, программы профилактики, защита прав и "
    "расследование, общественный порядок и дорожная безопасность, противодействие коррупции, обращения и СМИ, "
    "общественное мнение, изменения законодательства, проблемы местного уровня, иные вопросы.",
)
_SUMMARY_INSPECTOR = _s(
    "An inspector's report covers the crime situation in the precinct and measures to stabilise it, prevention "
    "work, involving citizens in public order, changes in prevention legislation, and measures on complaints "
    "and appeals including those from previous reports.",
    "Учаскелік инспектордың есебінде учаскедегі криминогендік жағдай мен оны тұрақтандыру шаралары, "
    "профилактика жұмысы, азаматтарды қоғамдық тәртіпке тарту, профилактика заңнамасындағы өзгерістер және "
    "шағымдар мен өтініштер, оның ішінде өткен есептегілер бойынша шаралар айтылады.",
    "В отчете участкового инспектора: криминогенная ситуация на участке и меры по ее стабилизации, "
    "профилактика, вовлечение граждан в охрану порядка, изменения законодательства о профилактике, меры по "
    "жалобам и обращениям, в том числе с предыдущих отчетов.",
)

register(
    Rule(
        "report.sections",
        "decree_723",
        "p.22",
        _CHIEF_KEYS,
        D723_FROM,
        D723_CHIEF_TO,
        NOTE_723,
        kind=CHIEF,
        **_SUMMARY_CHIEF,
    ),
    Rule(
        "report.sections",
        "order_608",
        "p.6",
        _CHIEF_KEYS,
        O608_FROM,
        None,
        NOTE_608,
        kind=CHIEF,
        **_SUMMARY_CHIEF,
    ),
    Rule(
        "report.sections",
        "decree_723",
        "p.27",
        _INSPECTOR_KEYS,
        D723_FROM,
        D723_INSPECTOR_TO,
        NOTE_723,
        kind=INSPECTOR,
        **_SUMMARY_INSPECTOR,
    ),
    Rule(
        "report.sections",
        "order_652",
        "p.30",
        _INSPECTOR_KEYS,
        O652_FROM,
        None,
        NOTE_652,
        kind=INSPECTOR,
        note="Order 1095 p.30 as added by Order 652.",
        **_SUMMARY_INSPECTOR,
    ),
)


def section_paragraph(rule: Rule, key: str) -> str:
    """The paragraph a section rests on: "p.6 sub.6" for a chief's section (its sub-paragraph is its
    position), the rule's paragraph for an inspector's (one sentence, no sub-paragraphs)."""
    if rule.kind == CHIEF:
        return f"{rule.paragraph} sub.{rule.value.index(key) + 1}"
    return rule.paragraph


def section_citation(rule: Rule, key: str, lang: str = "en") -> str:
    from dataclasses import replace

    return replace(rule, paragraph=section_paragraph(rule, key)).citation(lang)
