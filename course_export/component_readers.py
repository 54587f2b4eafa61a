"""Read one component source file and turn it into a unit of the course model.

Each reader gets the component id (url_names derive from it, never from positions) and returns a
``Unit`` or None; every problem goes to the shared error list.
"""
import re
from functools import lru_cache
from html import escape

from course_export import content_text, custom_blocks, media as media_mod, quiz as quiz_mod
from course_export.markdown_render import add_heading_ids, plain_paragraphs, render_markdown, sanitize
from course_export.model import CustomBlockComponent, HtmlComponent, ProblemComponent, Unit, VideoComponent
from course_export.schema import Fields
from course_export.source_files import read_text
from course_export.yaml_lines import load_yaml, split_front_matter

ARTICLE_SPEC = {"title": (str, True)}
REFLECTION_SPEC = {"title": (str, True), "intro": (str, False), "prompts": (list, True)}
TEMPLATES_SPEC = {"title": (str, True), "intro": (str, False), "kinds": (list, False), "lang": (str, False)}
FRAMEWORK_PAGES_SPEC = {"title": (str, True), "intro": (str, False), "show": (list, False), "lang": (str, False),
                        "framework": (str, False)}


class ComponentReader:
    def __init__(self, reader):
        self.r = reader                       # the CourseReader: root, errors, links, course language
        self.errors = reader.errors

    # ------------------------------------------------------------------ helpers
    def _yaml(self, path):
        shown = self.r.root.rel(path)
        text = read_text(path, shown, self.errors)
        if text is None:
            return shown, None
        return shown, load_yaml(text, shown, self.errors)

    def _md(self, path, text, line):
        return render_markdown(self.r.links, path, text, line) if text else ""

    def _field_md(self, path, fields, key):
        return self._md(path, fields.text(key), fields.line(key) + 1)

    def _t(self, key):
        return content_text.text(key, self.r.language)

    # ------------------------------------------------------------------ kinds
    def article(self, cid, path):
        shown = self.r.root.rel(path)
        text = read_text(path, shown, self.errors)
        if text is None:
            return None
        parts = split_front_matter(text, shown, self.errors)
        if parts is None:
            return None
        meta_text, body, first_line = parts
        meta = load_yaml(meta_text, shown, self.errors, line_offset=1)
        if meta is None:
            return None
        f = Fields(meta, ARTICLE_SPEC, shown, self.errors, "front matter")
        html, anchors = add_heading_ids(self._md(path, body, first_line))
        self.r.links.anchors[path] = anchors
        if not body.strip():
            self.errors.add(shown, first_line, "article_empty")
        title = f.text("title")
        return Unit(f"{cid}_unit", title, "article", cid, [HtmlComponent(cid, title, html)])

    def film(self, cid, path, override):
        shown, data = self._yaml(path)
        if data is None:
            return None
        f = Fields(data, media_mod.FILM_SPEC, shown, self.errors, "film")
        media = self._media(f, "film", shown, path, override)
        title = f.text("title")
        unit = Unit(f"{cid}_unit", title, "film", cid, has_media=media.present)
        description = self._field_md(path, f, "description")
        manuscript = self._field_md(path, f, "manuscript")
        if not media.present:
            html = (f'{_note(self._t("film_no_media"))}'
                    f'{description}<h3>{escape(self._t("manuscript"))}</h3>{manuscript}')
            unit.components.append(HtmlComponent(cid, title, sanitize(html)))
            return unit
        if description:
            unit.components.append(HtmlComponent(f"{cid}_intro", title, description))
        srt_name = f"{cid}-{self.r.language}.srt"
        self.r.add_generated_static(srt_name, media_mod.transcript_srt(media, f.text("manuscript"))
                                    .encode("utf-8"), shown, f.line())
        unit.components.append(VideoComponent(cid, title, youtube_id=media.youtube_id, mp4_url=media.mp4,
                                              transcript_name=srt_name, language=self.r.language))
        return unit

    def podcast(self, cid, path, override):
        shown, data = self._yaml(path)
        if data is None:
            return None
        f = Fields(data, media_mod.PODCAST_SPEC, shown, self.errors, "podcast")
        media = self._media(f, "podcast", shown, path, override)
        title = f.text("title")
        description = self._field_md(path, f, "description")
        transcript = self._field_md(path, f, "transcript")
        if media.present:
            url = escape(media.mp3, quote=True)
            player = (f'<audio controls preload="none" src="{url}" aria-label="{escape(self._t("audio_label"))}">'
                      f'<p>{escape(self._t("audio_fallback"))} <a href="{url}">{escape(title)}</a></p></audio>')
        else:
            player = _note(self._t("podcast_no_media"))
        html = f'{description}{player}<h3>{escape(self._t("transcript"))}</h3>{transcript}'
        unit = Unit(f"{cid}_unit", title, "podcast", cid, has_media=media.present)
        unit.components.append(HtmlComponent(cid, title, sanitize(html)))
        return unit

    def _media(self, f, kind, shown, path, override):
        media = media_mod.Media()
        if isinstance(f.get("media"), dict):
            media = media_mod.read_media_entry(
                f.get("media"), kind, shown, self.errors,
                lambda ref, line: self.r.root.resolve(ref, path, line, self.errors, base_dir=path.parent))
        if override is not None:
            media = override
        if not media.present and self.r.strict:
            self.errors.add(shown, f.line(), "strict_no_media", kind=kind)
        return media

    def quiz(self, cid, path):
        shown, data = self._yaml(path)
        if data is None:
            return None
        quiz = quiz_mod.read_quiz(data, shown, self.errors, markdown=self._quiz_markdown(path, shown))
        unit = Unit(f"{cid}_unit", quiz.title, "quiz", cid)
        if quiz.intro:
            unit.components.append(HtmlComponent(f"{cid}_intro", quiz.title,
                                                 self._md(path, quiz.intro, data.line_of("intro") + 1)))
        for index, (question, attempts, weight) in enumerate(quiz.questions, start=1):
            title = f"{quiz.title} – {index}"
            unit.components.append(ProblemComponent(f"{cid}_{question.id}", title, question, attempts, weight,
                                                    quiz.showanswer))
        return unit

    def _quiz_markdown(self, path, shown):
        """Quiz texts take the Markdown of articles; inline only (emphasis, links, code) except the
        explanation, which may have paragraphs and lists."""
        def render(text, line, block=False):
            if plain_paragraphs(text) is not None:
                return None
            html = render_markdown(self.r.links, path, text, line).strip()
            if block:
                return html
            match = re.fullmatch(r"<p>(.*)</p>", html, re.S)
            if match is None or "<p>" in match.group(1):
                self.errors.add(shown, line, "quiz_inline_only")
                return None
            return match.group(1)
        return render

    def reflection(self, cid, path):
        shown, data = self._yaml(path)
        if data is None:
            return None
        f = Fields(data, REFLECTION_SPEC, shown, self.errors, "reflection exercise")
        prompts = f.get("prompts", [])
        items = []
        for index, prompt in enumerate(prompts if isinstance(prompts, list) else []):
            if not isinstance(prompt, str) or not prompt.strip():
                self.errors.add(shown, prompts.line_of(index), "wrong_type", field="prompts", expected="text")
                continue
            items.append(f"<li>{escape(prompt.strip())}</li>")
        if isinstance(prompts, list) and not prompts:
            self.errors.add(shown, f.line("prompts"), "empty_list", field="prompts")
        title = f.text("title")
        html = (f'{self._field_md(path, f, "intro")}'
                # role="region" on a <div>: lxml 5.3's libxml2 (the platforms' pin) reports <section> as invalid.
                f'<div role="region" aria-label="{escape(self._t("reflection_prompts"))}">'
                f'<h3>{escape(self._t("reflection_prompts"))}</h3><ol>{"".join(items)}</ol></div>'
                f'{_note(self._t("reflection_note"))}')
        return Unit(f"{cid}_unit", title, "reflection", cid, [HtmlComponent(cid, title, sanitize(html))])

    def block(self, cid, path):
        shown, data = self._yaml(path)
        if data is None:
            return None
        result = custom_blocks.read_block(data, shown, self.errors, allow_missing=self.r.allow_missing_blocks)
        if result is None:
            return None
        block_type, attrs, title = result
        scored = getattr(result, "scored", False)
        return Unit(f"{cid}_unit", title, "block", cid,
                    [CustomBlockComponent(cid, block_type, attrs, title, scored=scored)])

    def templates(self, cid, path):
        shown, data = self._yaml(path)
        if data is None:
            return None
        f = Fields(data, TEMPLATES_SPEC, shown, self.errors, "templates page")
        try:
            from recruitment_core.documents import TEMPLATE_KINDS
        except ImportError as exc:
            self.errors.add(shown, f.line(), "templates_unavailable", detail=str(exc))
            return None
        lang = f.text("lang", self.r.language)
        if lang not in ("sv", "en"):
            self.errors.add(shown, f.line("lang"), "bad_choice", field="lang", value=lang, allowed="sv, en")
            lang = "sv"
        kinds = f.get("kinds", list(TEMPLATE_KINDS))
        if isinstance(kinds, list) and not kinds:
            self.errors.add(shown, f.line("kinds"), "empty_list", field="kinds")
        links = []
        for index, kind in enumerate(kinds if isinstance(kinds, list) else []):
            if kind not in TEMPLATE_KINDS:
                line = kinds.line_of(index) if hasattr(kinds, "line_of") else f.line("kinds")
                self.errors.add(shown, line, "bad_choice", field="kinds", value=str(kind),
                                allowed=", ".join(TEMPLATE_KINDS))
                continue
            name = f"mall_{kind}_{lang}.docx"
            try:
                data_bytes = _blank_template(kind, lang)
            except Exception as exc:  # noqa: BLE001 - report the document code's failure as a source problem
                self.errors.add(shown, f.line(), "templates_unavailable", detail=f"{type(exc).__name__}: {exc}")
                return None
            self.r.add_generated_static(name, data_bytes, shown, f.line(), shared=True)
            label = content_text.text(f"template_{kind}", lang)
            self.r.template_links.setdefault(name, f'{label} ({content_text.text("docx", lang)})')
            links.append(f'<li><a href="/static/{name}">{escape(label)}</a> '
                         f'({escape(content_text.text("docx", lang))})</li>')
        title = f.text("title")
        html = (f'{self._field_md(path, f, "intro")}<h3>{escape(content_text.text("templates_list", lang))}</h3>'
                f'<ul>{"".join(links)}</ul>')
        unit = Unit(f"{cid}_unit", title, "templates", cid, [HtmlComponent(cid, title, sanitize(html))])
        unit.template_count = len(links)
        return unit

    def framework_pages(self, cid, path):
        """The competency framework and the question bank as readable pages (a list of units), rendered from
        recruitment_core's data: an overview, one page per competency, then the phone-screen and
        reference-check sets and the questions not to ask (``show`` chooses)."""
        shown, data = self._yaml(path)
        if data is None:
            return None
        f = Fields(data, FRAMEWORK_PAGES_SPEC, shown, self.errors, "framework pages file")
        lang = f.text("lang", self.r.language)
        if lang not in ("sv", "en"):
            self.errors.add(shown, f.line("lang"), "bad_choice", field="lang", value=lang, allowed="sv, en")
            lang = self.r.language
        sections = self._show(f, shown)
        try:
            from recruitment_core.framework import FrameworkError, load_default_framework
            from recruitment_core.questions import QuestionBankError, load_default_bank
            framework, bank = load_default_framework(), load_default_bank()
        except (ImportError, FrameworkError, QuestionBankError) as exc:
            self.errors.add(shown, f.line(), "framework_pages_unavailable", detail=f"{type(exc).__name__}: {exc}")
            return None
        if isinstance(f.get("framework"), str):
            framework = self._own_framework(f, shown, path)
            if framework is None:
                return None
            if "questions" in sections:
                known = {comp.id for comp in framework.competencies}
                left_out = sorted({q.competency for q in bank.questions if q.competency not in known})
                if left_out:
                    self.errors.warn(shown, f.line("framework"), "framework_pages_left_out",
                                     count=sum(q.competency in left_out for q in bank.questions),
                                     ids=", ".join(left_out))
        title = f.text("title")

        def url_name(key):
            return cid if key == "overview" else f"{cid}_{key}"

        from course_export.framework_pages import render_pages
        units = []
        for key, page_title, html in render_pages(framework, bank, sections, lang, url_name):
            name = url_name(key)
            if key == "overview":
                page_title = title
                html = self._field_md(path, f, "intro") + html
            if lang != self.r.language:
                html = f'<div lang="{lang}">{html}</div>'
            units.append(Unit(f"{name}_unit", page_title, "framework_pages", name,
                              [HtmlComponent(name, page_title, sanitize(html))]))
        return units

    def _show(self, f, shown):
        from course_export.framework_pages import SECTIONS
        show = f.get("show", list(SECTIONS))
        if not isinstance(show, list):
            return list(SECTIONS)       # reported as wrong_type
        if not show:
            self.errors.add(shown, f.line("show"), "empty_list", field="show")
        sections = []
        for index, value in enumerate(show):
            line = show.line_of(index) if hasattr(show, "line_of") else f.line("show")
            if value not in SECTIONS:
                self.errors.add(shown, line, "bad_choice", field="show", value=str(value), allowed=", ".join(SECTIONS))
            elif value in sections:
                self.errors.add(shown, line, "listed_twice", field="show", value=value)
            else:
                sections.append(value)
        return sections

    def _own_framework(self, f, shown, path):
        """A framework file of the course's own (YAML or JSON, the schema of recruitment_core.framework),
        checked by recruitment_core as the blocks check it; each problem is reported at its line of that file."""
        from recruitment_core.framework import FrameworkError, parse_framework
        target = self.r.root.resolve(f.get("framework"), path, f.line("framework"), self.errors, base_dir=path.parent)
        if target is None:
            return None
        fw_shown = self.r.root.rel(target)
        text = read_text(target, fw_shown, self.errors)
        data = load_yaml(text, fw_shown, self.errors) if text is not None else None
        if data is None:
            return None
        try:
            return parse_framework(text, fw_shown)
        except FrameworkError as exc:
            for problem in exc.errors:
                where, _, detail = problem[len(fw_shown) + 2:].partition(": ") \
                    if problem.startswith(fw_shown + ": ") else ("", "", problem)
                self.errors.add(fw_shown, _line_of_path(data, where), "framework_invalid",
                                field=where or "-", detail=detail or problem, pages=shown)
            return None

_PATH_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def _line_of_path(data, where):
    """The line of a field path such as ``competencies[3].levels.2`` (recruitment_core's way of naming a field)
    in YAML loaded with line numbers: the deepest part of the path that exists (a missing field: its parent)."""
    match = re.fullmatch(r"line (\d+)", where)
    if match:
        return int(match.group(1))
    node, line = data, getattr(data, "line", 0)
    for name, index in _PATH_PART.findall(where):
        if name and isinstance(node, dict) and name in node:
            line, node = node.line_of(name), node[name]
        elif index and isinstance(node, list) and int(index) < len(node):
            line, node = node.line_of(int(index)), node[int(index)]
        else:
            break
    return line


def _note(text):
    """A note to the learner in plain markup that looks like a note with the LMS's own styles alone (bold,
    set apart by rules): no class of ours, since no stylesheet of ours reaches an HTML component."""
    return f'<div role="note"><hr><p><strong>{escape(text)}</strong></p><hr></div>'


@lru_cache(maxsize=32)
def _blank_template(kind, lang):
    """The prebuilt template shipped with recruitment_core (identical to a fresh ``blank_template_docx``)."""
    from recruitment_core.documents.prebuilt import prebuilt_template
    return prebuilt_template(kind, lang)
