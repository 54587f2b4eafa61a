"""``course-export``: build or validate a course source.

Exit codes: 0 ok, 1 the source has errors (each listed as ``file:line: problem — what to do``),
2 usage errors (argparse's own convention).
"""
import argparse
import contextlib
import os
import sys
from pathlib import Path

from course_export import build as pipeline
from course_export.messages import ui
from recruitment_core.lang import normalize_lang


def _parser():
    parser = argparse.ArgumentParser(
        prog="course-export",
        description="Build an importable Open edX course (.tar.gz) from a readable source folder. "
                    "/ Bygg en importerbar Open edX-kurs (.tar.gz) från en läsbar källmapp.")
    parser.add_argument("--lang", choices=("sv", "en"), default=None,
                        help="language of messages (default: from $LANG, else sv) / språk för meddelanden")
    sub = parser.add_subparsers(dest="command", required=True)
    for name, helptext in (("build", "build the archive / bygg arkivet"),
                           ("validate", "check the source, write nothing / kontrollera källan")):
        p = sub.add_parser(name, help=helptext)
        p.add_argument("source", nargs="?", default=None,
                       help="source folder (default: the course shipped with the package) / källmapp")
        p.add_argument("--media", default=None, help="media.yaml with YouTube ids, MP4/MP3 URLs, transcripts")
        p.add_argument("--strict", action="store_true",
                       help="fail when a film or podcast has no media source / fel om media saknas")
        p.add_argument("--allow-missing-blocks", action="store_true",
                       help="a block type the course uses that is not installed here is a warning, not an error; "
                            "its settings are written unchecked / ett block som inte är installerat här ger en "
                            "varning i stället för ett fel; inställningarna skrivs okontrollerade")
        p.add_argument("--lang", choices=("sv", "en"), default=argparse.SUPPRESS, help=argparse.SUPPRESS)
        if name == "build":
            p.add_argument("-o", "--output", required=True, help="FILE.tar.gz")
    return parser


def _human_size(size):
    return f"{size / 1024:.1f} KiB" if size < 1024 * 1024 else f"{size / 1024 / 1024:.2f} MiB"


# argparse's own messages (usage, errors, help headings) in Swedish; msgids of Python 3.11 and 3.12.
ARGPARSE_SV = {
    "usage: ": "användning: ",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fel: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "argumentet %(argument_name)s: %(message)s",
    "the following arguments are required: %s": "följande argument krävs: %s",
    "unrecognized arguments: %s": "okända argument: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "ogiltigt val: %(value)r (välj bland %(choices)s)",
    "expected one argument": "ett värde väntades",
    "expected at most one argument": "högst ett värde väntades",
    "expected at least one argument": "minst ett värde väntades",
    "ambiguous option: %(option)s could match %(matches)s":
        "tvetydig flagga: %(option)s kan betyda %(matches)s",
    "invalid %(type)s value: %(value)r": "ogiltigt %(type)s-värde: %(value)r",
    "not allowed with argument %s": "inte tillåtet tillsammans med argumentet %s",
    "ignored explicit argument %r": "värdet %r ignorerades",
    "one of the arguments %s is required": "ett av argumenten %s krävs",
    "unexpected option string: %s": "oväntad flagga: %s",
    "positional arguments": "argument",
    "options": "flaggor",
    "show this help message and exit": "visa den här hjälpen och avsluta",
}
ARGPARSE_SV_PLURAL = {"expected %s argument": ("%s värde väntades", "%s värden väntades")}


@contextlib.contextmanager
def _argparse_language(lang):
    """argparse looks its texts up through the module globals ``_`` and ``ngettext``; swap them meanwhile."""
    if lang != "sv":
        yield
        return
    saved = argparse._, argparse.ngettext
    argparse._ = lambda text: ARGPARSE_SV.get(text, text)

    def plural(singular, plural_text, count):
        forms = ARGPARSE_SV_PLURAL.get(singular)
        if forms:
            return forms[0] if count == 1 else forms[1]
        return saved[1](singular, plural_text, count)

    argparse.ngettext = plural
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved


def _lang_from(argv):
    """The message language before argparse runs (its own errors need it): --lang, else $LANG, else sv."""
    args = list(sys.argv[1:] if argv is None else argv)
    for index, arg in enumerate(args):
        if arg == "--lang" and index + 1 < len(args) and args[index + 1] in ("sv", "en"):
            return args[index + 1]
        if arg.startswith("--lang=") and arg[7:] in ("sv", "en"):
            return arg[7:]
    return normalize_lang(os.environ.get("LANG", "sv").split(".")[0])


def main(argv=None):
    lang = _lang_from(argv)
    with _argparse_language(lang):
        return _main(argv, lang)


def _main(argv, lang):
    parser = _parser()
    args = parser.parse_args(argv)
    lang = args.lang or lang

    def say(key, **params):
        print(ui(key, lang, **params), file=sys.stderr, flush=True)

    if args.command == "build":
        output = Path(args.output)
        if not output.name.endswith(".tar.gz"):
            parser.error(ui("output_suffix", lang))
        if not output.parent.resolve().is_dir():
            parser.error(ui("output_dir", lang, folder=str(output.parent)))
        if output.is_dir():
            parser.error(ui("output_is_dir", lang, output=str(output)))
        source = Path(args.source).resolve() if args.source else pipeline.DEFAULT_SOURCE
        if source.is_dir() and output.resolve().is_relative_to(source):
            parser.error(ui("output_in_source", lang))
        result = pipeline.build(args.source, output, args.media, args.strict, progress=say,
                                allow_missing_blocks=args.allow_missing_blocks)
    else:
        say("reading", source=str(args.source or pipeline.DEFAULT_SOURCE))
        result = pipeline.validate(args.source, args.media, args.strict, args.allow_missing_blocks)

    for warning in result.warnings:
        print(ui("warning", lang, text=warning.render(lang)), file=sys.stderr)

    if not result.ok:
        for error in result.errors:
            print(error.render(lang), file=sys.stderr)
        key = "errors_found" if args.command == "build" else "errors_found_validate"
        print(ui(key, lang, count=len(result.errors)), file=sys.stderr)
        return 1
    print(ui("summary", lang, **pipeline.summary_counts(result.course)))
    if args.command == "build":
        print(ui("archive_size", lang, size=_human_size(result.archive_size)))
        say("done", output=str(args.output))
    else:
        say("source_ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
