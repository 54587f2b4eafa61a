"""Whole-course checks after all components are read: grading policy and url_names."""
from course_export.model import Grader
from course_export.schema import Fields, item_line
from course_export.yaml_lines import YDict

COURSE_FILE = "course.yaml"
GRADING_SPEC = {"pass": ((int, float), False), "graders": (list, False)}
GRADER_SPEC = {"type": (str, True), "short_label": (str, True), "weight": ((int, float), True),
               "drop_count": (int, False)}


def check_grading(f, course, errors):
    """grading: in course.yaml against the graded lessons: every format has a grader, every grader a
    lesson, weights sum to 1; min_count = the number of graded lessons of the type."""
    g = Fields(f.get("grading", {}) if "grading" in f.data else _empty(f), GRADING_SPEC, COURSE_FILE,
               errors, "grading")
    course.pass_cutoff = g.number("pass", 0.5, 0.01, 1.0, integer=False)
    used = {}
    for module in course.modules:
        for lesson in module.lessons:
            if lesson.graded_format:
                used.setdefault(lesson.graded_format, []).append(lesson)
                if not any(_scored(component) for unit in lesson.units for component in unit.components):
                    # The LMS grades only subsections with a possible score: this one would count as 0 of
                    # min_count, so nobody could pass.
                    errors.add(COURSE_FILE, lesson.graded_line, "graded_no_score", format=lesson.graded_format)
    graders_data = g.get("graders", [])
    seen = set()
    for index, item in enumerate(graders_data if isinstance(graders_data, list) else []):
        gr = Fields(item, GRADER_SPEC, COURSE_FILE, errors, "grader", line=item_line(graders_data, index))
        if not gr.ok:
            if isinstance(gr.get("type"), str):
                seen.add(gr.text("type"))   # reported already: its lessons are not also told the type is missing
            continue
        gtype = gr.text("type")
        if gtype in seen:
            errors.add(COURSE_FILE, gr.line("type"), "grader_duplicate", type=gtype)
            continue
        seen.add(gtype)
        count = len(used.get(gtype, []))
        if count == 0:
            errors.add(COURSE_FILE, gr.line("type"), "grader_unused", type=gtype)
        drop = gr.number("drop_count", 0, 0, 100)
        if count and drop >= count:
            errors.add(COURSE_FILE, gr.line("drop_count"), "grader_drop", type=gtype, count=count)
        course.graders.append(Grader(gtype, gr.text("short_label"), float(gr.get("weight")), drop, count))
    total = sum(grader.weight for grader in course.graders)
    if course.graders and abs(total - 1.0) > 1e-6:
        errors.add(COURSE_FILE, g.line("graders"), "grader_weights", total=f"{total:g}")
    for gformat, lessons in used.items():
        if gformat not in seen:
            for lesson in lessons:
                errors.add(COURSE_FILE, lesson.graded_line, "grader_unknown", format=gformat)

def _scored(component):
    """Does the component give the lesson a possible score (a problem with weight, a scored block)?"""
    if component.category == "problem":
        return component.weight > 0
    return bool(getattr(component, "scored", False))


def check_url_names(course, errors, jump_links=()):
    """Every url_name (chapters, sequentials, units, components) is unique in the whole course, and every
    ``/jump_to_id/<url_name>`` link of a page (``jump_links``: (file, line, url_name, link)) names one."""
    seen = {}
    for module in course.modules:
        names = [(module.url_name, "chapter")]
        for lesson in module.lessons:
            names.append((lesson.url_name, "sequential"))
            for unit in lesson.units:
                names.append((unit.url_name, "vertical"))
                names.extend((component.url_name, component.category) for component in unit.components)
        for name, category in names:
            if not name:
                continue
            if name in seen:
                errors.add(COURSE_FILE, 0, "url_name_clash", name=name, first=seen[name],
                                second=category)
                continue
            seen[name] = category
    for file, line, name, link in jump_links:
        if name not in seen:
            errors.add(file, line, "jump_target_missing", ref=link)


def _empty(f):
    empty = YDict()
    empty.line = f.line()
    empty.key_lines = {}
    return empty
