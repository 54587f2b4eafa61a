"""Read and check a whole course source folder into the course model, collecting every error.

Layout: ``course.yaml`` at the top, component files anywhere inside the folder (referenced by
relative path), and ``static/`` for files linked from pages. See README.md for the format.
"""
import datetime as dt
import os
import re
from html import escape
from pathlib import Path

from course_export import content_text
from course_export.component_readers import ComponentReader
from course_export.course_checks import check_grading, check_url_names
from course_export.errors import ErrorList
from course_export.markdown_render import LinkContext, check_anchors, render_markdown
from course_export.media import read_media_file
from course_export.model import Course, Lesson, Module
from course_export.schema import Fields, check_id, id_from_stem, item_line
from course_export.source_files import SourceRoot, read_text
from course_export.yaml_lines import load_yaml

COURSE_FILE = "course.yaml"
COMPONENT_KINDS = ("article", "film", "podcast", "quiz", "reflection", "block", "templates", "framework_pages")
COURSE_SPEC = {
    "title": (str, True), "org": (str, True), "number": (str, True), "run": (str, True),
    "language": (str, False), "start": ((str, dt.date), True), "end": ((str, dt.date), False),
    "self_paced": (bool, False), "short_description": (str, False), "effort": (str, False),
    "duration": (str, False), "overview": (str, False), "course_image": (str, False),
    "welcome": (str, False), "handouts": (str, False), "grading": (dict, False), "modules": (list, True),
}
ABOUT_LINE_MAX = 100          # effort and duration: one short line, as in Studio's settings form
MODULE_SPEC = {"id": (str, True), "title": (str, True), "lessons": (list, True)}
LESSON_SPEC = {"id": (str, True), "title": (str, True), "graded": (str, False), "components": (list, True)}
COMPONENT_SPEC = {kind: (str, False) for kind in COMPONENT_KINDS} | {"id": (str, False)}
KEY_RE = re.compile(r"^[A-Za-z0-9_.-]{1,60}$")
STATIC_NAME_RE = re.compile(r"^[A-Za-z0-9_.-]+$")


class CourseReader:
    def __init__(self, source, media_file=None, strict=False, now=None, allow_missing_blocks=False):
        self.root = SourceRoot(source)
        self.allow_missing_blocks = allow_missing_blocks
        self.now = now or dt.datetime.now(dt.timezone.utc)
        self.media_file = Path(media_file) if media_file else None
        self.strict = strict
        self.errors = ErrorList()
        self.language = "sv"
        self.static = {}            # out name -> Path | bytes
        self.static_origin = {}     # out name -> "file:line" of whoever added it
        self.links = None
        self.ids = {}               # id -> "file:line" where it was first defined
        self.overrides = {}         # ("film"|"podcast", id) -> (Media, line)
        self.template_links = {}    # static name of a downloadable template -> its label, in course order

    # ---------------------------------------------------------------- entry point
    def read(self):
        course_path = self.root.path / COURSE_FILE
        if not self.root.path.is_dir() or not course_path.is_file():
            self.errors.add(str(self.root.path), 0, "no_course_file", name=COURSE_FILE)
            return None
        if not self.root.inside(course_path):
            self.errors.add(COURSE_FILE, 0, "path_outside", path=COURSE_FILE)
            return None
        text = read_text(course_path, COURSE_FILE, self.errors)
        data = load_yaml(text, COURSE_FILE, self.errors) if text is not None else None
        if data is None:
            return None
        f = Fields(data, COURSE_SPEC, COURSE_FILE, self.errors, "course")
        course = self._course_settings(f)
        self._read_static_folder()
        self._read_media_file()
        plan = self._plan_structure(f.get("modules", []))
        article_urls = {path: cid for kind, cid, path, _ in self._all_components(plan) if kind == "article"}
        self.links = LinkContext(self.root, self._static_dir_names, article_urls, self.errors)
        if isinstance(f.get("overview"), str):
            course.overview_html = self._overview(f)
        if isinstance(f.get("course_image"), str):
            course.course_image = self._course_image(f)
        self._read_components(plan, course)
        if isinstance(f.get("welcome"), str):
            course.welcome_html = render_markdown(self.links, course_path, f.get("welcome"), _text_line(f, "welcome"))
        course.handouts_html = self._handouts(f, course_path)
        self._check_media_ids(plan)
        check_grading(f, course, self.errors)
        check_url_names(course, self.errors, self.links.jump_links)
        check_anchors(self.links)
        course.static = dict(sorted(self.static.items()))
        # From the source, not from what is installed here: the same source gives the same archive everywhere.
        course.advanced_modules = sorted({component.block_type for unit in course.units() if unit.kind == "block"
                                          for component in unit.components})
        return course

    # ---------------------------------------------------------------- course.yaml
    def _course_settings(self, f):
        for key in ("org", "number", "run"):
            if f.get(key) is not None and not KEY_RE.match(str(f.get(key))):
                self.errors.add(COURSE_FILE, f.line(key), "bad_course_key", field=key, value=str(f.get(key)))
        self.language = f.text("language", "sv")
        if self.language not in ("sv", "en"):
            self.errors.add(COURSE_FILE, f.line("language"), "bad_choice", field="language",
                            value=self.language, allowed="sv, en")
            self.language = "sv"
        start, end = self._date(f, "start"), self._date(f, "end")
        if start and end and end <= start:
            self.errors.add(COURSE_FILE, f.line("end"), "end_before_start", start=start, end=end)
        elif end and end <= self.now.strftime("%Y-%m-%dT%H:%M:%SZ"):
            # An archive imported today would be closed already (or soon after): learners could not enrol.
            self.errors.add(COURSE_FILE, f.line("end"), "end_in_past", end=end)
        for key in ("effort", "duration"):
            value = f.text(key)
            if "\n" in value or len(value) > ABOUT_LINE_MAX:
                self.errors.add(COURSE_FILE, f.line(key), "about_line", field=key, max=ABOUT_LINE_MAX)
        return Course(title=f.text("title"), org=f.text("org"), number=f.text("number"), run=f.text("run"),
                      language=self.language, start=start, end=end,
                      short_description=" ".join(f.text("short_description").split()),
                      self_paced=bool(f.get("self_paced", True)), effort=f.text("effort"),
                      duration=f.text("duration"))

    def _date(self, f, key):
        value = f.get(key)
        if value is None:
            return ""
        if isinstance(value, dt.datetime):
            moment = value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)
        elif isinstance(value, dt.date):
            moment = dt.datetime(value.year, value.month, value.day, tzinfo=dt.timezone.utc)
        else:
            try:
                moment = dt.datetime.fromisoformat(str(value).replace("Z", "+00:00"))
            except ValueError:
                self.errors.add(COURSE_FILE, f.line(key), "bad_date", field=key, value=str(value))
                return ""
            if moment.tzinfo is None:
                moment = moment.replace(tzinfo=dt.timezone.utc)
        return moment.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")

    def _overview(self, f):
        path = self.root.resolve(f.get("overview"), self.root.path / COURSE_FILE, f.line("overview"),
                                 self.errors)
        if path is None:
            return ""
        text = read_text(path, self.root.rel(path), self.errors)
        return render_markdown(self.links, path, text, 1) if text is not None else ""

    def _handouts(self, f, course_path):
        """info/handouts.html (the Handouts box beside the course home): the author's text, then every
        downloadable template of the course's templates pages."""
        intro = ""
        if isinstance(f.get("handouts"), str):
            intro = render_markdown(self.links, course_path, f.get("handouts"), _text_line(f, "handouts"))
        links = "".join(f'<li><a href="/static/{name}">{escape(label)}</a></li>'
                        for name, label in self.template_links.items())
        listing = (f'<h3>{escape(content_text.text("handouts_templates", self.language))}</h3><ul>{links}</ul>'
                   if links else "")
        return intro + listing if intro or listing else "<ol></ol>"   # Studio's empty handouts

    def _course_image(self, f):
        path = self.root.resolve(f.get("course_image"), self.root.path / COURSE_FILE,
                                 f.line("course_image"), self.errors)
        if path is None:
            return ""
        try:
            rel = path.relative_to(self.root.path / "static").as_posix()
        except ValueError:
            self.errors.add(COURSE_FILE, f.line("course_image"), "ref_outside_static", ref=f.get("course_image"))
            return ""
        name = self._static_dir_names.get(rel)
        if name is None and any(part.startswith(".") for part in rel.split("/")):
            self.errors.add(COURSE_FILE, f.line("course_image"), "static_hidden", ref=f.get("course_image"))
        return name or ""

    # ---------------------------------------------------------------- static/
    def _read_static_folder(self):
        self._static_dir_names = {}
        static_dir = self.root.path / "static"
        if not static_dir.is_dir():
            return
        for folder, dirs, files in os.walk(static_dir):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))   # hidden: .git, .DS_Store, .swp ...
            files = [name for name in files if not name.startswith(".")]
            for name in sorted(files) + [d for d in dirs if os.path.islink(os.path.join(folder, d))]:
                full = Path(folder) / name
                rel = full.relative_to(static_dir).as_posix()
                shown = self.root.rel(full)
                if not self.root.inside(full):
                    self.errors.add(shown, 0, "path_outside", path=shown)
                    continue
                if full.is_dir():
                    continue
                out = rel.replace("/", "_")
                if not STATIC_NAME_RE.match(out):
                    self.errors.add(shown, 0, "static_bad_name", name=rel)
                    continue
                if out in self.static:
                    self.errors.add(shown, 0, "static_name_clash", name=out, other=self.static_origin[out])
                    continue
                self.static[out] = full
                self.static_origin[out] = shown
                self._static_dir_names[rel] = out

    def add_generated_static(self, name, data, shown, line, shared=False):
        if name in self.static:
            if shared and self.static[name] == data:
                return
            self.errors.add(shown, line, "static_name_clash", name=name, other=self.static_origin[name])
            return
        self.static[name] = data
        self.static_origin[name] = f"{shown}:{line}"

    # ---------------------------------------------------------------- media file
    def _read_media_file(self):
        if not self.media_file:
            return
        shown = str(self.media_file)
        if not self.media_file.is_file():
            self.errors.add(shown, 0, "file_missing", path=shown)
            return
        text = read_text(self.media_file, shown, self.errors)
        data = load_yaml(text, shown, self.errors) if text is not None else None
        if data is None:
            return
        media_root = SourceRoot(self.media_file.parent)
        self.overrides = read_media_file(
            data, shown, self.errors,
            lambda ref, line: media_root.resolve(ref, self.media_file, line, self.errors,
                                                 base_dir=self.media_file.parent, shown=shown))
        self._media_shown = shown

    def _check_media_ids(self, plan):
        known = {(kind, cid) for kind, cid, _, _ in self._all_components(plan)}
        for (kind, cid), (_, line) in sorted(self.overrides.items()):
            if (kind, cid) not in known:
                self.errors.add(self._media_shown, line, "media_unknown_id", kind=kind, id=cid)

    # ---------------------------------------------------------------- structure
    def _define_id(self, value, line, what, file_name=None):
        """``file_name``: the component's file, when the id was taken from it (the author wrote none)."""
        cid = check_id(value, COURSE_FILE, line, self.errors)
        if cid is None:
            return None
        if cid in self.ids:
            if file_name:
                self.errors.add(COURSE_FILE, line, "duplicate_stem_id", id=cid, name=file_name,
                                other=self.ids[cid])
            else:
                self.errors.add(COURSE_FILE, line, "duplicate_id", id=cid, other=self.ids[cid])
            return None
        self.ids[cid] = f"{COURSE_FILE}:{line}"
        return cid

    def _plan_structure(self, modules):
        """Check the outline in course.yaml; returns [(module, [(lesson, [(kind, id, path, line)])])]."""
        plan = []
        if isinstance(modules, list) and not modules:
            self.errors.add(COURSE_FILE, getattr(modules, "line", 1), "empty_list", field="modules")
        for m_index, module_data in enumerate(modules if isinstance(modules, list) else []):
            m = Fields(module_data, MODULE_SPEC, COURSE_FILE, self.errors, "module", line=item_line(modules, m_index))
            mid = self._define_id(m.get("id"), m.line("id"), "module") if m.get("id") is not None else None
            lessons = []
            lessons_data = m.get("lessons", [])
            for l_index, lesson_data in enumerate(lessons_data if isinstance(lessons_data, list) else []):
                le = Fields(lesson_data, LESSON_SPEC, COURSE_FILE, self.errors, "lesson",
                            line=item_line(lessons_data, l_index))
                lid = self._define_id(le.get("id"), le.line("id"), "lesson") if le.get("id") is not None else None
                components = []
                raw = le.get("components", [])
                if isinstance(raw, list) and not raw:
                    self.errors.add(COURSE_FILE, le.line("components"), "empty_list", field="components")
                for index, item in enumerate(raw if isinstance(raw, list) else []):
                    entry = self._plan_component(item, raw.line_of(index))
                    if entry:
                        components.append(entry)
                lessons.append((le, lid, components))
            plan.append((m, mid, lessons))
        return plan

    def _plan_component(self, item, line):
        if not isinstance(item, dict):      # e.g. `- artiklar/x.md`, the kind forgotten
            self.errors.add(COURSE_FILE, line, "component_kind", kinds=", ".join(COMPONENT_KINDS))
            return None
        c = Fields(item, COMPONENT_SPEC, COURSE_FILE, self.errors, "component")
        kinds = [k for k in COMPONENT_KINDS if k in c.data]
        if len(kinds) != 1:
            self.errors.add(COURSE_FILE, c.line(), "component_kind", kinds=", ".join(COMPONENT_KINDS))
            return None
        kind = kinds[0]
        if c.get(kind) is None:             # `- article:` with nothing after it
            self.errors.add(COURSE_FILE, c.line(kind), "path_empty")
            return None
        if not isinstance(c.get(kind), str):
            return None
        path = self.root.resolve(c.get(kind), self.root.path / COURSE_FILE, c.line(kind), self.errors)
        if path is None:
            return None
        raw_id = c.get("id")
        if raw_id is None:
            raw_id = id_from_stem(path.stem.lower().replace(".", "_"))
            if raw_id is None:
                self.errors.add(COURSE_FILE, c.line(kind), "bad_stem_id", name=path.name)
                return None
        cid = self._define_id(raw_id, c.line("id") if "id" in c.data else c.line(kind), kind,
                              file_name=None if "id" in c.data else path.name)
        return (kind, cid, path, c.line(kind)) if cid else None

    @staticmethod
    def _all_components(plan):
        for _, _, lessons in plan:
            for _, _, components in lessons:
                yield from components

    def _read_components(self, plan, course):
        reader = ComponentReader(self)
        for m, mid, lessons in plan:
            module = Module(mid or "", m.text("title"))
            for le, lid, components in lessons:
                lesson = Lesson(lid or "", le.text("title"), le.text("graded"), graded_line=le.line("graded"))
                for kind, cid, path, _line in components:
                    if kind in ("film", "podcast"):
                        override = self.overrides.get((kind, cid), (None, 0))[0]
                        unit = getattr(reader, kind)(cid, path, override)
                    else:
                        unit = getattr(reader, kind)(cid, path)
                    for one in (unit if isinstance(unit, list) else [unit] if unit is not None else []):
                        lesson.units.append(one)
                        course.templates += one.template_count
                module.lessons.append(lesson)
            course.modules.append(module)


def _text_line(f, key):
    """The first line of a text field: the key's own line, or the next one for a block (``|``/``>``) text."""
    return f.line(key) + ("\n" in f.get(key, "").rstrip("\n"))


def read_course(source, media_file=None, strict=False, allow_missing_blocks=False, now=None):
    """Read and check a source folder. Returns (Course or None, ErrorList)."""
    reader = CourseReader(source, media_file, strict, now=now, allow_missing_blocks=allow_missing_blocks)
    course = reader.read()
    return course, reader.errors
