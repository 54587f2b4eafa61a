"""``course-export``: build or validate a course source.

Exit codes: 0 ok, 1 the source has errors (each listed as ``file:line: problem — what to do``),
2 usage errors (argparse's own convention).
"""
import argparse
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
        p.add_argument("--lang", choices=("sv", "en"), default=argparse.SUPPRESS, help=argparse.SUPPRESS)
        if name == "build":
            p.add_argument("-o", "--output", required=True, help="FILE.tar.gz")
    return parser


def _human_size(size):
    return f"{size / 1024:.1f} KiB" if size < 1024 * 1024 else f"{size / 1024 / 1024:.2f} MiB"


def main(argv=None):
    parser = _parser()
    args = parser.parse_args(argv)
    lang = args.lang or normalize_lang(os.environ.get("LANG", "sv").split(".")[0])

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
        result = pipeline.build(args.source, output, args.media, args.strict, progress=say)
    else:
        say("reading", source=str(args.source or pipeline.DEFAULT_SOURCE))
        result = pipeline.validate(args.source, args.media, args.strict)

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
