"""Readable course pages of the competency framework and the question bank, rendered from recruitment_core's
data (the same data the blocks use), so the course never holds a second copy.

``render_pages(framework, bank, sections, lang)`` returns ``[(key, title, html)]`` in course order:

- ``("overview", None, html)`` first: the framework's areas (clusters) and their competencies, each linked to its
  page, the counts, and the signs of a weak answer to any question; its title is the author's ``title``;
- ``(<competency id>, name, html)``, one per competency in framework order: definition, indicators, levels
  1–5 and assessment methods (``framework``) and the competency's interview questions with their follow-ups
  (situation, behaviour, result), anchors 1/3/5 and signs of a weak answer (``questions``);
- ``("phone_screen", …)``, ``("reference_check", …)``, ``("must_not_ask", …)`` when those sections are shown.

Every text from the data is escaped (it is treated as plain text, never as markup); the caller sanitizes the
result like an article. The markup is plain (headings, lists, description lists, strong/em): no class, no
style, since no stylesheet of ours reaches an HTML component in the LMS. Headings: ``h2`` for the parts of a
page, ``h3`` for each question, ``h4`` for a question's parts (the LMS shows the unit title above).
"""
from html import escape

from course_export import content_text
from recruitment_core.questions import PHONE_TOPIC_LABELS, REFERENCE_PART_LABELS

SECTIONS = ("framework", "questions", "phone_screen", "reference_check", "must_not_ask")
EXTRA_SECTIONS = ("phone_screen", "reference_check", "must_not_ask")


def _t(key, lang, **params):
    text = content_text.text(key, lang)
    return text.format(**params) if params else text


def _e(text):
    return escape(str(text), quote=True)


def _items(texts):
    return "".join(f"<li>{_e(text)}</li>" for text in texts)


def _join_words(words, lang):
    """'a, b och c' / 'a, b and c'."""
    words = list(words)
    if len(words) < 2:
        return "".join(words)
    return ", ".join(words[:-1]) + f" {_t('and', lang)} " + words[-1]


class PageRenderer:
    def __init__(self, framework, bank, sections, lang, url_name):
        self.fw = framework
        self.bank = bank
        self.sections = [s for s in SECTIONS if s in sections]
        self.lang = lang
        self.url_name = url_name            # callable: page key -> url_name of its component

    def shown(self, section):
        return section in self.sections

    def pages(self):
        result = [("overview", None, self.overview())]
        if self.shown("framework") or self.shown("questions"):
            for comp in self.fw.competencies:
                result.append((comp.id, comp.name[self.lang], self.competency(comp)))
        for section in EXTRA_SECTIONS:
            if self.shown(section):
                result.append((section, _t(f"fp_{section}_title", self.lang), getattr(self, section)()))
        return result

    # ------------------------------------------------------------------ overview
    def questions_of(self, comp_id):
        return self.bank.for_competency(comp_id) if self.shown("questions") else []

    def overview(self):
        lang = self.lang
        parts = []
        competencies = self.fw.competencies
        if self.shown("framework") or self.shown("questions"):
            counts = _t("fp_counts_framework", lang, competencies=len(competencies), clusters=len(self.fw.clusters))
            if self.shown("questions"):
                questions = [q for comp in competencies for q in self.bank.for_competency(comp.id)]
                per_type = [_t(f"fp_count_{qtype}", lang, count=sum(q.type == qtype for q in questions))
                            for qtype in ("behavioural", "situational")
                            if any(q.type == qtype for q in questions)]
                counts += " " + _t("fp_counts_questions", lang, questions=len(questions),
                                   types=_join_words(per_type, lang))
            parts.append(f"<p>{_e(counts)}</p>")
            for cluster in self.fw.clusters:
                items = []
                for comp in competencies:
                    if comp.cluster != cluster.id:
                        continue
                    link = f'<a href="/jump_to_id/{_e(self.url_name(comp.id))}">{_e(comp.name[lang])}</a>'
                    count = ""
                    if self.shown("questions"):
                        count = " " + _e(_t("fp_n_questions", lang, count=len(self.bank.for_competency(comp.id))))
                    items.append(f"<li><p><strong>{link}</strong>{count}</p><p>{_e(comp.definition[lang])}</p></li>")
                parts.append(f"<h2>{_e(cluster.name[lang])}</h2><p>{_e(cluster.description[lang])}</p>"
                             f"<ul>{''.join(items)}</ul>")
        extra = [s for s in EXTRA_SECTIONS if self.shown(s)]
        if extra:
            links = "".join(f'<li><a href="/jump_to_id/{_e(self.url_name(s))}">{_e(_t(f"fp_{s}_title", lang))}</a> '
                            f'{_e(_t("fp_n_items", lang, count=self._count(s)))}</li>' for s in extra)
            parts.append(f"<h2>{_e(_t('fp_more', lang))}</h2><ul>{links}</ul>")
        if self.shown("questions") and self.bank.weak_signs.get(lang):
            parts.append(f"<h2>{_e(_t('fp_weak_signs_all', lang))}</h2>"
                         f"<ul>{_items(self.bank.weak_signs[lang])}</ul>")
        sources = [text for text in (self.fw.source if (self.shown("framework") or self.shown("questions")) else "",
                                     self.bank.source if any(self.shown(s) for s in SECTIONS[1:]) else "") if text]
        if sources:
            # The data's own note on its origin, written in English only.
            notes = " ".join(_e(" ".join(text.split())) for text in sources)
            attr = ' lang="en"' if lang != "en" else ""
            parts.append(f"<h2>{_e(_t('fp_sources', lang))}</h2><p><small><span{attr}>{notes}</span></small></p>")
        return "".join(parts)

    def _count(self, section):
        return len(getattr(self.bank, section))

    # ------------------------------------------------------------------ one competency
    def competency(self, comp):
        lang = self.lang
        cluster = self.fw.cluster(comp.cluster)
        parts = [f"<p><strong>{_e(_t('fp_cluster', lang))}:</strong> {_e(cluster.name[lang])}</p>",
                 f"<p>{_e(comp.definition[lang])}</p>"]
        if self.shown("framework"):
            levels = "".join(f"<dt><strong>{_e(_label('level_n', lang, level=level))}</strong></dt>"
                             f"<dd>{_e(comp.levels[level][lang])}</dd>" for level in sorted(comp.levels))
            methods = _join_words([_method_label(m, lang).lower() for m in comp.methods], lang)
            parts.append(f"<h2>{_e(_t('fp_indicators', lang))}</h2><ul>{_items(comp.indicators[lang])}</ul>"
                         f"<h2>{_e(_t('fp_levels', lang))}</h2><dl>{levels}</dl>"
                         f"<h2>{_e(_t('fp_methods', lang))}</h2>"
                         f"<p>{_e(_t('fp_methods_text', lang, methods=methods))}</p>")
        if self.shown("questions"):
            questions = self.bank.for_competency(comp.id)
            parts.append(f"<h2>{_e(_t('fp_questions', lang))}</h2>")
            if questions:
                parts.append(f"<p>{_e(_label('same_questions', lang))}</p>")
                parts.extend(self.question(index, q) for index, q in enumerate(questions, start=1))
            else:
                parts.append(f"<p>{_e(_t('fp_no_questions', lang))}</p>")
        return "".join(parts)

    def question(self, index, q):
        lang = self.lang
        from recruitment_core.questions import ANCHOR_LEVELS, FOLLOW_UP_KINDS, FOLLOW_UP_LABELS
        follow_ups = "".join(f"<dt><strong>{_e(FOLLOW_UP_LABELS[kind][lang])}</strong></dt>"
                             f"<dd><ul>{_items(q.follow_ups[kind][lang])}</ul></dd>" for kind in FOLLOW_UP_KINDS)
        anchors = "".join(f"<dt><strong>{_e(_label('level_n', lang, level=level))}</strong></dt>"
                          f"<dd>{_e(q.anchors[level][lang])}</dd>" for level in ANCHOR_LEVELS)
        meta = _t("fp_question_meta", lang, type=_type_label(q.type, lang), minutes=q.minutes)
        return (f"<h3>{index}. {_e(q.question[lang])}</h3><p><em>{_e(meta)}</em></p>"
                f"<h4>{_e(_label('follow_ups', lang))}</h4><dl>{follow_ups}</dl>"
                f"<h4>{_e(_label('anchors', lang))}</h4><dl>{anchors}</dl>"
                f"<h4>{_e(_label('weak_signs', lang))}</h4><ul>{_items(q.weak_signs[lang])}</ul>")

    # ------------------------------------------------------------------ the other sets
    def phone_screen(self):
        lang = self.lang
        items = "".join(
            f"<li><p><strong>{_e(item.question[lang])}</strong></p>"
            f"<p><em>{_e(PHONE_TOPIC_LABELS[item.group][lang])}.</em> {_e(item.note[lang])}</p></li>"
            for item in self.bank.phone_screen)
        return (f"<p>{_e(_t('fp_phone_screen_intro', lang))}</p>"
                f"<h2>{_e(_t('fp_in_order', lang))}</h2><ol>{items}</ol>")

    def reference_check(self):
        from recruitment_core.questions import COMPETENCY_PLACEHOLDER, REFERENCE_PARTS
        lang = self.lang
        parts = [f"<p>{_e(_t('fp_reference_check_intro', lang))}</p><p>{_e(_label('reference_approval', lang))}</p>"]
        for part in REFERENCE_PARTS:
            items = [item for item in self.bank.reference_check if item.group == part]
            if not items:
                continue
            rows = []
            for item in items:
                text = _e(item.question[lang]).replace(
                    _e(COMPETENCY_PLACEHOLDER), f"<em>{_e(_t('fp_placeholder', lang))}</em>")
                each = f"<em>{_e(_t('fp_per_competency', lang))}.</em> " if item.per_competency else ""
                rows.append(f"<li><p><strong>{text}</strong></p><p>{each}{_e(item.note[lang])}</p></li>")
            parts.append(f"<h2>{_e(REFERENCE_PART_LABELS[part][lang])}</h2><ul>{''.join(rows)}</ul>")
        return "".join(parts)

    def must_not_ask(self):
        lang = self.lang
        parts = [f"<p>{_e(_t('fp_must_not_ask_intro', lang))}</p>"]
        for item in self.bank.must_not_ask:
            parts.append(
                f"<h2>{_e(item.topic[lang])}</h2>"
                f"<p><strong>{_e(_t('fp_do_not_ask', lang))}</strong></p><ul>{_items(item.examples[lang])}</ul>"
                f"<p><strong>{_e(_t('fp_why', lang))}</strong> {_e(item.why[lang])}</p>"
                f"<p><strong>{_e(_t('fp_instead', lang))}</strong> {_e(item.instead[lang])}</p>")
        return "".join(parts)


def _label(key, lang, **params):
    from recruitment_core.guide_text import label
    return label(key, lang, **params)


def _type_label(qtype, lang):
    from recruitment_core.questions import TYPE_LABELS
    return TYPE_LABELS[qtype][lang]


def _method_label(method, lang):
    from recruitment_core.framework import METHOD_LABELS
    return METHOD_LABELS[method][lang]


def render_pages(framework, bank, sections, lang, url_name):
    """[(key, title or None, html)] for the sections shown; see the module docstring."""
    return PageRenderer(framework, bank, sections, lang, url_name).pages()
