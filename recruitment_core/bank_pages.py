"""The competency framework and the question bank as readable course pages (Markdown), from the same data the
blocks use, so the course never holds a second copy. The course exporter renders the Markdown like any article
(a component kind that names one of ``PAGE_KINDS``).

Everything here is our own data, not learner text; Markdown's special characters are still escaped, so a
Studio-extended bank cannot change the page's structure.
"""
import re

from . import guide_text as gt
from .lang import normalize_lang
from .questions import FOLLOW_UP_KINDS, FOLLOW_UP_LABELS, TYPE_LABELS

PAGE_KINDS = ("framework", "question_bank", "phone_screen", "reference_check", "must_not_ask")
_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#+!|])")
_HEAD = {
    "levels": {"sv": "Nivåer", "en": "Levels"},
    "indicators": {"sv": "Så märks det", "en": "What it looks like"},
    "example_bad": {"sv": "Exempel på frågor som inte får ställas", "en": "Examples of questions not to ask"},
    "why": {"sv": "Varför", "en": "Why"},
    "instead": {"sv": "Fråga i stället", "en": "Ask instead"},
    "anchor": {"sv": "Ankare nivå {n}", "en": "Anchor level {n}"},
    "must_not_ask": {"sv": "Frågor som inte får ställas", "en": "Questions an interviewer must not ask"},
    "note": {"sv": "Tips", "en": "Tip"},
}


def md(text):
    """``text`` with Markdown's special characters escaped (line breaks kept as spaces)."""
    return _SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def _h(key, lang, **params):
    return _HEAD[key][lang].format(**params)


def framework_markdown(framework, lang):
    lang = normalize_lang(lang)
    out = [f"# {md(framework.title[lang])}", ""]
    for cluster in framework.clusters:
        out += [f"## {md(cluster.name[lang])}", "", md(cluster.description[lang]), ""]
        for comp in (c for c in framework.competencies if c.cluster == cluster.id):
            out += [f"### {md(comp.name[lang])}", "", md(comp.definition[lang]), "", f"**{_h('indicators', lang)}**",
                    ""]
            out += [f"- {md(item)}" for item in comp.indicators[lang]] + ["", f"**{_h('levels', lang)}**", ""]
            out += [f"{level}. {md(comp.levels[level][lang])}" for level in (1, 2, 3, 4, 5)] + [""]
    return "\n".join(out)


def bank_markdown(bank, framework, lang):
    """Every question grouped by competency: type, follow-ups (S-B-R), anchors 1/3/5 and signs of a weak answer."""
    lang = normalize_lang(lang)
    out = [f"# {md(bank.title[lang])}", "", md(gt.label("same_questions", lang)), ""]
    if bank.weak_signs.get(lang):
        out += [f"**{gt.label('weak_signs', lang)}**", ""] + [f"- {md(s)}" for s in bank.weak_signs[lang]] + [""]
    for comp in framework.competencies:
        questions = bank.for_competency(comp.id)
        if not questions:
            continue
        out += [f"## {md(comp.name[lang])}", ""]
        for q in questions:
            out += [f"### {md(q.question[lang])}", "", f"*{TYPE_LABELS[q.type][lang]} · {q.minutes} min*", ""]
            out += [f"- **{FOLLOW_UP_LABELS[kind][lang]}:** {md(line)}" for kind in FOLLOW_UP_KINDS
                    for line in q.follow_ups[kind][lang]] + [""]
            out += [f"- **{_h('anchor', lang, n=n)}:** {md(q.anchors[n][lang])}" for n in (1, 3, 5)] + [""]
            out += [f"*{gt.label('weak_signs', lang)}:* " + md(" ".join(q.weak_signs[lang])), ""]
    return "\n".join(out)


def screen_markdown(bank, kind, lang):
    """The phone-screen or reference-check set, each question with its tip."""
    lang = normalize_lang(lang)
    items = bank.phone_screen if kind == "phone_screen" else bank.reference_check
    intro = gt.label("phone_pay" if kind == "phone_screen" else "reference_approval", lang)
    out = [f"# {md(gt.GUIDE_TYPE_LABELS[kind][lang])}", "", md(intro), ""]
    for number, item in enumerate(items, start=1):
        out += [f"{number}. **{md(item.question[lang])}**", f"   *{_h('note', lang)}:* {md(item.note[lang])}", ""]
    return "\n".join(out)


def must_not_ask_markdown(bank, lang):
    lang = normalize_lang(lang)
    out = [f"# {_h('must_not_ask', lang)}", ""]
    for item in bank.must_not_ask:
        quoted = "; ".join(f"”{md(e)}”" if lang == "sv" else f"“{md(e)}”" for e in item.examples[lang])
        out += [f"## {md(item.topic[lang])}", "", f"**{_h('example_bad', lang)}:** {quoted}", "",
                f"**{_h('why', lang)}:** {md(item.why[lang])}", "",
                f"**{_h('instead', lang)}:** {md(item.instead[lang])}", ""]
    return "\n".join(out)


def page_markdown(kind, bank, framework, lang):
    """The Markdown of one of ``PAGE_KINDS`` (``ValueError`` for anything else)."""
    if kind == "framework":
        return framework_markdown(framework, lang)
    if kind == "question_bank":
        return bank_markdown(bank, framework, lang)
    if kind in ("phone_screen", "reference_check"):
        return screen_markdown(bank, kind, lang)
    if kind == "must_not_ask":
        return must_not_ask_markdown(bank, lang)
    raise ValueError(f"unknown page kind {kind!r}; expected one of {', '.join(PAGE_KINDS)}")
