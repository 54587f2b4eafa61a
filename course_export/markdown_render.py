"""Markdown -> sanitized HTML for course pages, with links to source files turned into OLX links.

Rendering uses cmarkgfm (GitHub's C implementation of CommonMark, with its table extension; more than ten
times faster than the pure-Python renderers on our pages); the result is cleaned with nh3 so only ordinary
article markup
survives (headings, lists, links, images, tables, quotes, code). No `class` attribute is kept: no stylesheet
of the course reaches an HTML component in the LMS, so a class would style nothing. Relative links are resolved against
the Markdown file: a file in the source's ``static/`` folder becomes ``/static/<name>``, another
article of the course becomes ``/jump_to_id/<url_name>``; anything else is an error.
"""
import os
import re
from html import escape, unescape
from pathlib import Path
from urllib.parse import unquote

import nh3
from cmarkgfm import cmark

ALLOWED_TAGS = {
    "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "em", "b", "i", "u", "s", "small", "mark",
    "sub", "sup", "abbr", "q", "cite", "blockquote", "code", "pre", "kbd", "ul", "ol", "li", "dl", "dt",
    "dd", "a", "img", "figure", "figcaption", "table", "caption", "thead", "tbody", "tfoot", "tr", "th",
    "td", "span", "div", "audio", "source", "section", "aside",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "lang"},
    "img": {"src", "alt", "title", "width", "height"},
    "abbr": {"title"},
    "th": {"style", "align", "scope", "colspan", "rowspan"},
    "td": {"style", "align", "colspan", "rowspan"},
    "ol": {"start"},
    "audio": {"controls", "preload", "src", "aria-label"},
    "source": {"src", "type"},
    "span": {"lang"},
    "div": {"role", "lang", "aria-label"},
}
URL_SCHEMES = {"http", "https", "mailto"}
STATIC_LINK_RE = re.compile(r'(?:href|src)="(/static/[^"]*)"')
JUMP_PREFIX = "/jump_to_id/"
EXTERNAL_RE = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|#|/static/|/jump_to_id/)")
# Text without any Markdown syntax (most manuscripts and transcripts) is turned into paragraphs
# directly; tests check that the result equals the renderer's for such text. Excluded: Markdown and HTML
# punctuation, tabs, CR and NUL, list and heading markers, fences, whitespace at either end of a line.
MARKDOWN_SYNTAX_RE = re.compile(
    r"[\\`*_\[\]<>#|!&~\t\r\x00]|^(?:[-+*]|\d+[.)])(?:\s|$)|^[^\S\n]|[^\S\n]$|^[=-]+$", re.M)


_CMARK_OPTIONS = cmark.Options.CMARK_OPT_UNSAFE   # raw HTML passes to nh3, which keeps only allowed markup
_CMARK_EXTENSIONS = ["table"]


def markdown_to_html(text):
    """CommonMark with GitHub-style tables, not yet sanitized."""
    return cmark.markdown_to_html_with_extensions(text, options=_CMARK_OPTIONS, extensions=_CMARK_EXTENSIONS)


def plain_paragraphs(text):
    """``markdown_to_html``'s output for text with no Markdown syntax (paragraphs, ``"`` escaped as cmark
    does), or None if the text has some."""
    if MARKDOWN_SYNTAX_RE.search(text):
        return None
    blocks = [block.strip("\n") for block in re.split(r"\n\n+", text.strip("\n"))]
    return "".join("<p>" + block.replace('"', "&quot;") + "</p>\n" for block in blocks if block)


_CLEANER_OPTIONS = dict(tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes=URL_SCHEMES,
                        filter_style_properties={"text-align"}, link_rel="noopener noreferrer")
_CLEANER = nh3.Cleaner(**_CLEANER_OPTIONS)     # configured once: nh3.clean() converts the options every call


def sanitize(html, attribute_filter=None):
    """Keep ordinary article markup only. Also used for HTML we assemble ourselves.

    ``attribute_filter(tag, attribute, value)`` may rewrite an attribute that is kept (it sees link targets
    after disallowed schemes such as ``javascript:`` are gone)."""
    if attribute_filter is None:
        return _CLEANER.clean(html)
    return nh3.clean(html, attribute_filter=attribute_filter, **_CLEANER_OPTIONS)


class LinkContext:
    """What a page needs to resolve its relative links; collects the problems it finds."""

    def __init__(self, root, static_dir_names, article_urls, errors):
        self.root = root                        # SourceRoot
        self.static_names = static_dir_names    # source static path (posix, relative to static/) -> out name
        self.article_urls = article_urls        # absolute article path -> url_name
        self.errors = errors
        self.page = None                        # the page being cleaned, whose links the cleaner resolves
        self.jump_links = []                    # (file, line, url_name) of /jump_to_id/ links, checked later
        self.anchor_links = []                  # (file, line, article path, fragment, link), checked later
        self.anchors = {}                       # article path -> ids of its headings
        self.cleaner = nh3.Cleaner(attribute_filter=self._resolve_attribute, **_CLEANER_OPTIONS)

    def _resolve_attribute(self, tag, attribute, value):
        return self.page.resolve(value) if (tag, attribute) in _LINK_ATTRS else value


_LINK_ATTRS = {("a", "href"), ("img", "src")}


class Page:
    """One Markdown text of one source file (an article body or a text field of a YAML file)."""

    def __init__(self, ctx, abs_file, text, first_line):
        self.ctx = ctx
        self.abs_file = Path(abs_file)
        self.text = text
        self.first_line = first_line
        self.shown = ctx.root.rel(abs_file)

    def line_of(self, needle):
        """The first line with ``needle`` as a whole link target (not the start of a longer one), else the
        first line that contains it."""
        lines = self.text.split("\n")
        whole = re.compile(r"(?:^|[(<\"'\s=])" + re.escape(needle) + r"(?:$|[)>\"'\s#?])")
        for pattern in (whole.search, lambda line: needle in line):
            for number, line in enumerate(lines):
                if pattern(line):
                    return self.first_line + number
        return self.first_line

    def resolve(self, ref):
        if ref.startswith(JUMP_PREFIX):
            target = re.split(r"[#?]", ref[len(JUMP_PREFIX):], maxsplit=1)[0]
            self.ctx.jump_links.append((self.shown, self.line_of(ref), target, ref))
        if EXTERNAL_RE.match(ref):
            return ref
        path_part, _, fragment = ref.partition("#")
        path_part = unquote(path_part)      # Markdown percent-encodes `<Om å.md>` as `Om%20%C3%A5.md`
        line = self.line_of(unquote(ref))
        target = self.ctx.root.resolve(path_part, self.abs_file, line, self.ctx.errors,
                                       base_dir=self.abs_file.parent)
        if target is None:
            return ref
        if target in self.ctx.article_urls:
            if fragment:        # `x.md#heading` keeps its anchor (the heading ids come from add_heading_ids)
                self.ctx.anchor_links.append((self.shown, line, target, unquote(fragment), unquote(ref)))
            return "/jump_to_id/" + self.ctx.article_urls[target] + ("#" + fragment if fragment else "")
        static_dir = os.path.join(str(self.ctx.root.path), "static") + os.sep
        if not str(target).startswith(static_dir):
            key = "ref_article_not_in_course" if target.suffix.lower() == ".md" else "ref_outside_static"
            self.ctx.errors.add(self.shown, line, key, ref=unquote(ref))
            return ref
        inside_static = str(target)[len(static_dir):].replace(os.sep, "/")
        name = self.ctx.static_names.get(inside_static)
        if name is None and any(part.startswith(".") for part in inside_static.split("/")):
            self.ctx.errors.add(self.shown, line, "static_hidden", ref=unquote(ref))
            return ref
        if name is None:            # a bad static name, already reported when static/ was read
            return ref
        return "/static/" + name + ("#" + fragment if fragment else "")

    def render(self):
        plain = plain_paragraphs(self.text)
        if plain is not None:
            return plain
        # Link and image targets (also those of raw HTML in the text) are resolved while nh3 cleans.
        self.ctx.page = self
        try:
            clean = self.ctx.cleaner.clean(markdown_to_html(self.text))
        finally:
            self.ctx.page = None
        for link in STATIC_LINK_RE.findall(clean):
            if link[len("/static/"):].split("#")[0] not in self.ctx.static_names.values():
                self.ctx.errors.add(self.shown, self.line_of(link), "static_link_missing", ref=link)
        return clean


def render_markdown(ctx, abs_file, text, first_line):
    return Page(ctx, abs_file, text, first_line).render()


HEADING_RE = re.compile(r"<h([1-6])>(.*?)</h\1>", re.S)


def heading_id(text):
    """The anchor of a heading as GitHub makes it: lower case, punctuation dropped, spaces as '-'
    (letters such as å, ä, ö stay)."""
    return re.sub(r"[^\w\- ]", "", text.strip().lower()).replace(" ", "-")


def add_heading_ids(html):
    """Give each heading of an article its anchor, so `artikel.md#rubrik` links reach it.
    Returns (html, set of ids); a repeated heading gets -1, -2 … as on GitHub."""
    seen = {}

    def with_id(match):
        text = unescape(re.sub(r"<[^>]+>", "", match.group(2)))
        base = heading_id(text)
        count = seen.get(base, 0)
        seen[base] = count + 1
        anchor = base if count == 0 else f"{base}-{count}"
        ids.add(anchor)
        return f'<h{match.group(1)} id="{escape(anchor, quote=True)}">{match.group(2)}</h{match.group(1)}>'

    ids = set()
    return HEADING_RE.sub(with_id, html), ids


def check_anchors(ctx):
    """Every `article.md#heading` link names a heading of that article."""
    for shown, line, target, fragment, ref in ctx.anchor_links:
        anchors = ctx.anchors.get(target)
        if anchors is not None and fragment not in anchors:
            ctx.errors.add(shown, line, "anchor_missing", ref=ref,
                           known=", ".join(sorted(anchors)) or "-")
