"""Write the course model as an OLX tree (the folder layout Studio exports and imports).

course.xml (pointer) -> course/RUN.xml -> chapter/ -> sequential/ -> vertical/ -> html/, video/, problem/;
our own XBlocks INLINE in the vertical with their fields as attributes; static/; policies/RUN/;
about/ and info/ (as a Studio export has them). Every XML text and attribute goes through lxml, so it is
escaped.
"""
import json
from html import escape
import posixpath
from pathlib import Path

from lxml import etree

from course_export.quiz import problem_element

# No `tabs` in policy.json: with none, the importer and CourseBlock call CourseTabList.initialize_default,
# which gives exactly the tabs of a course created in Studio on that server's release (see README.md).
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


class Tree(dict):
    """{posix path relative to the course folder: bytes}."""

    def __truediv__(self, part):
        return _Path(self, _join("", part))


def _join(base, part):
    """``base/part`` as a normalized posix path (what PurePosixPath gives, without its cost per file)."""
    return posixpath.normpath(f"{base}/{part}" if base else str(part))


class _Path:
    def __init__(self, tree, path):
        self.tree, self.path = tree, path

    def __truediv__(self, part):
        return _Path(self.tree, _join(self.path, part))

    def write_bytes(self, data):
        if self.path in self.tree:
            raise ValueError(f"two files would be written as {self.path}")
        self.tree[self.path] = data

    def write_text(self, text, encoding="utf-8"):
        self.write_bytes(text.encode(encoding))


def _write_xml(path, element):
    path.write_bytes(etree.tostring(element, encoding="utf-8", pretty_print=True))


def _write_json(path, data):
    # ASCII escapes: policy files are read back as JSON; invalid JSON would silently become {}.
    path.write_text(json.dumps(data, ensure_ascii=True, indent=2, sort_keys=True) + "\n", encoding="ascii")


def write_folder(tree, folder):
    """Write an OLX tree to disk under ``folder``."""
    for rel, data in tree.items():
        target = Path(folder) / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


def write_olx(course):
    """The OLX of ``course`` as a Tree."""
    out = Tree()
    run = course.run
    _write_xml(out / "course.xml", etree.Element("course", url_name=run, org=course.org, course=course.number))
    # display_name, start, language live in policy.json only (as in a Studio export), not twice.
    root = etree.Element("course")
    for module in course.modules:
        etree.SubElement(root, "chapter", url_name=module.url_name)
        _write_chapter(out, module)
    _write_xml(out / "course" / f"{run}.xml", root)
    _write_static(out, course)
    _write_policies(out, course)
    _write_about(out, course)
    _write_info(out, course)
    return out


def _write_chapter(out, module):
    chapter = etree.Element("chapter", display_name=module.title)
    for lesson in module.lessons:
        etree.SubElement(chapter, "sequential", url_name=lesson.url_name)
        attrs = {"display_name": lesson.title}
        if lesson.graded_format:
            attrs.update(graded="true", format=lesson.graded_format)
        sequential = etree.Element("sequential", attrs)
        for unit in lesson.units:
            etree.SubElement(sequential, "vertical", url_name=unit.url_name)
            _write_vertical(out, unit)
        _write_xml(out / "sequential" / f"{lesson.url_name}.xml", sequential)
    _write_xml(out / "chapter" / f"{module.url_name}.xml", chapter)


def _write_vertical(out, unit):
    vertical = etree.Element("vertical", display_name=unit.title)
    for component in unit.components:
        category = component.category
        if category == "html":
            etree.SubElement(vertical, "html", url_name=component.url_name)
            _write_xml(out / "html" / f"{component.url_name}.xml",
                       etree.Element("html", filename=component.url_name, display_name=component.title))
            (out / "html" / f"{component.url_name}.html").write_text(component.html + "\n", encoding="utf-8")
        elif category == "video":
            etree.SubElement(vertical, "video", url_name=component.url_name)
            _write_xml(out / "video" / f"{component.url_name}.xml", _video_element(component))
        elif category == "problem":
            etree.SubElement(vertical, "problem", url_name=component.url_name)
            _write_xml(out / "problem" / f"{component.url_name}.xml", problem_element(component))
        else:   # our own XBlock: inline, fields as attributes
            attrs = {"url_name": component.url_name}
            attrs.update(component.fields)
            etree.SubElement(vertical, component.block_type, attrs)
    _write_xml(out / "vertical" / f"{unit.url_name}.xml", vertical)


def _video_element(video):
    attrs = {
        "display_name": video.title,
        "youtube_id_1_0": video.youtube_id,
        "html5_sources": json.dumps([video.mp4_url] if video.mp4_url else []),
        "download_video": "false",
        "download_track": "true" if video.transcript_name else "false",
        "edx_video_id": "",
        "sub": "",
    }
    if video.youtube_id:        # an MP4-only video has none: youtube="" is logged as an invalid id on import
        attrs["youtube"] = f"1.00:{video.youtube_id}"
    if video.transcript_name:
        attrs["transcripts"] = json.dumps({video.language: video.transcript_name})
    element = etree.Element("video", attrs)
    if video.mp4_url:
        etree.SubElement(element, "source", src=video.mp4_url)
    if video.transcript_name:
        etree.SubElement(element, "transcript", language=video.language, src=video.transcript_name)
    return element


def _write_static(out, course):
    for name, content in course.static.items():
        (out / "static" / name).write_bytes(content if isinstance(content, bytes) else Path(content).read_bytes())


def _write_policies(out, course):
    policy = {
        "display_name": course.title,
        "start": course.start,
        "language": course.language,
        "advanced_modules": list(course.advanced_modules),
        "self_paced": course.self_paced,
    }
    if course.end:
        policy["end"] = course.end
    if course.course_image:
        policy["course_image"] = course.course_image
    folder = out / "policies" / course.run
    _write_json(folder / "policy.json", {f"course/{course.run}": policy})
    graders = [{"type": g.type, "short_label": g.short_label, "min_count": g.min_count,
                "drop_count": g.drop_count, "weight": g.weight} for g in course.graders]
    _write_json(folder / "grading_policy.json",
                {"GRADER": graders, "GRADE_CUTOFFS": {"Pass": course.pass_cutoff}})


def _write_about(out, course):
    about = out / "about"
    overview = course.overview_html or (f"<h2>{escape(course.title)}</h2>\n<p>{escape(course.short_description)}</p>")
    (about / "overview.html").write_text(overview + "\n", encoding="utf-8")
    # Plain text, as Studio stores what is typed into its "Course Short Description" field.
    (about / "short_description.html").write_text(course.short_description + "\n", encoding="utf-8")
    for name in ("effort", "duration"):
        if getattr(course, name):
            (about / f"{name}.html").write_text(getattr(course, name) + "\n", encoding="utf-8")


def _update_date(iso):
    """Course updates carry their date as Studio writes it ("February 2, 2026"); the LMS sorts by it."""
    year, month, day = (int(part) for part in iso[:10].split("-"))
    return f"{MONTHS[month - 1]} {day}, {year}"


def _write_info(out, course):
    """info/ as a Studio export has it: handouts, and the updates (course home) as updates.items.json
    with an empty updates.html (the items are what Studio and the LMS read)."""
    info = out / "info"
    (info / "handouts.html").write_text(course.handouts_html + "\n", encoding="utf-8")
    items = []
    if course.welcome_html:
        items.append({"id": 1, "date": _update_date(course.start), "content": course.welcome_html,
                      "status": "visible"})
    (info / "updates.html").write_text("", encoding="utf-8")
    _write_json(info / "updates.items.json", items)
