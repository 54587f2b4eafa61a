"""Helpers that read a built OLX folder back, independently of the exporter's own model."""
import json
from pathlib import Path

from lxml import etree


def parse(path):
    return etree.parse(str(path)).getroot()


def run_of(folder):
    return parse(Path(folder) / "course.xml").get("url_name")


def outline(folder):
    """[(chapter title, [(sequential title, attrs, [(vertical url_name, title, [child elements])])])]."""
    folder = Path(folder)
    policy = json.loads((folder / "policies" / run_of(folder) / "policy.json").read_text())
    course = parse(folder / "course" / f"{run_of(folder)}.xml")
    result = []
    for chapter_ptr in course:
        chapter = parse(folder / "chapter" / f"{chapter_ptr.get('url_name')}.xml")
        sequentials = []
        for seq_ptr in chapter:
            seq = parse(folder / "sequential" / f"{seq_ptr.get('url_name')}.xml")
            verticals = []
            for vert_ptr in seq:
                vert = parse(folder / "vertical" / f"{vert_ptr.get('url_name')}.xml")
                verticals.append((vert_ptr.get("url_name"), vert.get("display_name"), list(vert)))
            sequentials.append((seq.get("display_name"), dict(seq.attrib), verticals))
        result.append((chapter.get("display_name"), sequentials))
    return policy, result


def all_url_names(folder):
    """Every url_name of the course tree (pointers and inline blocks), in order."""
    folder = Path(folder)
    names = []
    _, tree = outline(folder)
    course = parse(folder / "course" / f"{run_of(folder)}.xml")
    names += [c.get("url_name") for c in course]
    for chapter_ptr in course:
        chapter = parse(folder / "chapter" / f"{chapter_ptr.get('url_name')}.xml")
        names += [s.get("url_name") for s in chapter]
    for _, sequentials in tree:
        for _, _, verticals in sequentials:
            for url_name, _, children in verticals:
                names.append(url_name)
                names += [child.get("url_name") for child in children]
    return names
