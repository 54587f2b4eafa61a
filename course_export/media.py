"""Films and podcasts: their source files, the operator's media file, and .srt transcripts.

A film or podcast YAML file holds the title, a description and the manuscript (film) or transcript
(podcast), and may name its media. A separate media file (``--media media.yaml``) adds or replaces
the media per component id, so an operator can plug in their own hosting without editing the source.

Transcripts (.srt, UTF-8) for a video come from, in this order:
1. ``cues:`` in the media entry (timed: start, end, text),
2. ``transcript:`` an .srt file named in the media entry (checked for UTF-8 and SRT shape),
3. otherwise the manuscript's spoken text split into cues at sentence ends, with ESTIMATED times
   (15 characters per second, at least 2 seconds per cue, at most two lines of 42 characters, no
   orphan words) — good enough to read along, not exact.

A manuscript written as a script marks every spoken paragraph with a speaker label,
``**Berättare:** Text …``; then only those paragraphs (without the label) are spoken text, and
headings, scene lines and italic directions (``*I bild: …*``) stay out of the subtitles. A manuscript
with no speaker label is spoken text throughout.
"""
import posixpath
import re

from course_export.schema import Fields, item_line
from course_export.source_files import read_text

YOUTUBE_RE = re.compile(r"^[A-Za-z0-9_-]{11}$")
HTTPS_RE = re.compile(r"^https://[^\s\"'<>]+$")

FILM_SPEC = {"title": (str, True), "description": (str, False), "manuscript": (str, True),
             "media": (dict, False)}
PODCAST_SPEC = {"title": (str, True), "description": (str, False), "transcript": (str, True),
                "media": (dict, False)}
FILM_MEDIA_SPEC = {"youtube_id": (str, False), "mp4": (str, False), "transcript": (str, False),
                   "cues": (list, False), "download": (bool, False)}
PODCAST_MEDIA_SPEC = {"mp3": (str, False)}
MEDIA_FILE_SPEC = {"films": (dict, False), "podcasts": (dict, False)}
CUE_SPEC = {"start": ((str, int, float), True), "end": ((str, int, float), True), "text": (str, True)}
CHARS_PER_SECOND = 15
MIN_CUE_SECONDS = 2.0          # the shortest time a cue stays up, however short its text
MAX_LINE_CHARS = 42            # two lines of at most 42 characters per cue
SPEAKER_RE = re.compile(r"^\*\*([^*\n:]{1,60}):\*\*[ \t]*")   # "**Roll:** " opening a spoken paragraph


class Media:
    """Checked media of one film or podcast."""

    def __init__(self):
        self.youtube_id = ""
        self.mp4 = ""
        self.mp3 = ""
        self.cues = None          # list of (start_seconds, end_seconds, text) or None
        self.srt_text = None      # checked .srt text from a file, or None

    @property
    def present(self):
        return bool(self.youtube_id or self.mp4 or self.mp3)


def read_media_entry(data, kind, shown, errors, resolve_file):
    """Check one ``media:`` mapping (from a film/podcast file or the media file)."""
    media = Media()
    spec = FILM_MEDIA_SPEC if kind == "film" else PODCAST_MEDIA_SPEC
    m = Fields(data, spec, shown, errors, "media")
    if kind == "podcast":
        media.mp3 = _url(m, "mp3", shown, errors)
        return media
    media.youtube_id = m.text("youtube_id")
    if media.youtube_id and not YOUTUBE_RE.match(media.youtube_id):
        errors.add(shown, m.line("youtube_id"), "bad_youtube_id", value=media.youtube_id)
        media.youtube_id = ""
    media.mp4 = _url(m, "mp4", shown, errors)
    if m.get("youtube_id") and m.get("mp4"):
        errors.add(shown, m.line("mp4"), "media_both_sources")
    if m.get("cues") is not None and m.get("transcript") is not None:
        errors.add(shown, m.line("cues"), "media_both_transcripts")
    if isinstance(m.get("cues"), list):
        media.cues = _read_cues(m.get("cues"), shown, errors)
    elif isinstance(m.get("transcript"), str):
        path = resolve_file(m.get("transcript"), m.line("transcript"))
        if path is not None:
            # named like the YAML file that names it (relative to the source folder, or the media file's path)
            srt_shown = posixpath.normpath(posixpath.join(posixpath.dirname(shown), m.get("transcript")))
            media.srt_text = read_srt_file(path, srt_shown, errors)
    return media


def _url(m, key, shown, errors):
    value = m.text(key)
    if value and not HTTPS_RE.match(value):
        errors.add(shown, m.line(key), "bad_url", field=key, value=value)
        return ""
    return value


def _read_cues(raw, shown, errors):
    cues = []
    previous_end = 0.0
    for index, item in enumerate(raw):
        c = Fields(item, CUE_SPEC, shown, errors, "cue", line=item_line(raw, index))
        if not c.ok:
            continue
        start, end = parse_time(c.get("start")), parse_time(c.get("end"))
        if start is None or end is None or end <= start or start < previous_end:
            errors.add(shown, c.line(), "cue_bad_time", start=str(c.get("start")), end=str(c.get("end")))
            continue
        previous_end = end
        cues.append((start, end, c.text("text")))
    return cues


def parse_time(value):
    """Seconds from ``12.5``, ``"01:02.5"``, ``"1:02:03,250"`` or ``"00:01:02.500"``."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value) if value >= 0 else None
    match = re.match(r"^(?:(\d+):)?(?:(\d{1,2}):)?(\d{1,2}(?:[.,]\d{1,3})?)$", str(value).strip())
    if not match:
        return None
    hours, minutes, seconds = match.groups()
    if minutes is None and hours is not None:
        hours, minutes = None, hours
    return int(hours or 0) * 3600 + int(minutes or 0) * 60 + float(seconds.replace(",", "."))


SRT_TIME = r"\d{2}:\d{2}:\d{2},\d{3}"
SRT_BLOCK_RE = re.compile(rf"^\d+\n{SRT_TIME} --> {SRT_TIME}[^\n]*\n.+", re.S)


def read_srt_file(path, shown, errors):
    text = read_text(path, shown, errors)
    if text is None:
        return None
    text = text.strip()
    line = 1
    for block in re.split(r"\n\s*\n", text):
        if not SRT_BLOCK_RE.match(block.strip()):
            errors.add(shown, line, "srt_bad_block")
            return None
        line += block.count("\n") + 2
    return text + "\n"


def _srt_time(seconds):
    millis = int(round(seconds * 1000))
    hours, rest = divmod(millis, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    secs, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d},{millis:03d}"


def cues_to_srt(cues):
    blocks = [f"{i}\n{_srt_time(start)} --> {_srt_time(end)}\n{text}"
              for i, (start, end, text) in enumerate(cues, start=1)]
    return "\n\n".join(blocks) + "\n"


def spoken_text(text):
    """The spoken part of a manuscript or transcript (see the module doc): with speaker labels, the
    labelled paragraphs without their labels, one per paragraph; without labels, the whole text."""
    paragraphs = [p.strip() for p in re.split(r"\n[ \t]*\n", text or "") if p.strip()]
    spoken = [SPEAKER_RE.sub("", p, count=1) for p in paragraphs if SPEAKER_RE.match(p)]
    if not spoken:
        return text or ""
    return "\n\n".join(" ".join(p.split()) for p in spoken)


def cues_from_text(text):
    """Split a manuscript's spoken text into cues; times are estimates (see module doc).

    Common subtitle practice (e.g. the BBC and Netflix style guides): a cue holds one sentence or a part
    of one, on at most two lines of about 42 characters, stays up long enough to be read (at most 15
    characters a second, never under MIN_CUE_SECONDS), and leaves no word alone on a line or in a cue
    when the sentence has more words to share."""
    plain = re.sub(r"[*_`#>]+", "", spoken_text(text))
    sentences = [s.strip() for s in re.split(r"(?<=[.!?…])\s+|\n\s*\n", plain) if s.strip()]
    cues, clock = [], 0.0
    for sentence in sentences:
        for words in _balanced_chunks(sentence.split()):
            lines = _two_lines(words)
            length = len(" ".join(lines))
            duration = max(MIN_CUE_SECONDS, length / CHARS_PER_SECOND)
            cues.append((clock, clock + duration, "\n".join(lines)))
            clock += duration
    return cues


def _fits(words):
    """Can these words be shown as one cue (one or two lines of at most MAX_LINE_CHARS)?"""
    return _two_lines(words) is not None or len(words) == 1


def _two_lines(words):
    """The words as one line, or two balanced lines of at most MAX_LINE_CHARS, with no single word left on a
    line when there are three or more words. None when they do not fit."""
    one = " ".join(words)
    if len(one) <= MAX_LINE_CHARS or len(words) == 1:
        return [one]
    best = None
    for cut in range(1, len(words)):
        first, second = " ".join(words[:cut]), " ".join(words[cut:])
        if len(first) > MAX_LINE_CHARS or len(second) > MAX_LINE_CHARS:
            continue
        orphan = len(words) >= 3 and (cut == 1 or cut == len(words) - 1)
        # prefer: no orphan, then a break after punctuation, then lines of even length (top line shorter ok)
        score = (orphan, not re.search(r"[,;:–-]$", first), abs(len(first) - len(second)))
        if best is None or score < best[0]:
            best = (score, [first, second])
    return best[1] if best else None


def _balanced_chunks(words):
    """The fewest cues that hold the sentence, with the words shared evenly (no one-word last cue)."""
    count = len(words)
    if count == 0:
        return []
    # fewest[i]: the fewest cues for words[i:]
    fewest = [0] * (count + 1)
    for i in range(count - 1, -1, -1):
        fewest[i] = min(1 + fewest[j] for j in range(i + 1, count + 1) if j == i + 1 or _fits(words[i:j]))
    total_chars = len(" ".join(words))
    target = total_chars / fewest[0]
    # among the splits with that many cues, the most even one (single-word cues strongly avoided)
    memo = {}

    def best(i, left):
        if i == count:
            return (0.0, []) if left == 0 else None
        if (i, left) in memo:
            return memo[(i, left)]
        result = None
        for j in range(i + 1, count + 1):
            if j > i + 1 and not _fits(words[i:j]):
                break
            rest = best(j, left - 1) if left > 0 else None
            if rest is None:
                continue
            chunk = words[i:j]
            cost = (len(" ".join(chunk)) - target) ** 2 + (10_000 if len(chunk) == 1 and count > 1 else 0)
            if result is None or cost + rest[0] < result[0]:
                result = (cost + rest[0], [chunk] + rest[1])
        memo[(i, left)] = result
        return result

    return best(0, fewest[0])[1]


def transcript_srt(media, manuscript):
    """The .srt text for a film with media (see the module doc for the order)."""
    if media.cues:
        return cues_to_srt(media.cues)
    if media.srt_text:
        return media.srt_text
    return cues_to_srt(cues_from_text(manuscript))


def read_media_file(data, shown, errors, resolve_file):
    """The operator's media file: ``films: {id: {...}}`` and ``podcasts: {id: {...}}``.

    Returns {("film"|"podcast", id): (Media, line)}.
    """
    result = {}
    top = Fields(data, MEDIA_FILE_SPEC, shown, errors, "media file")
    for section, kind in (("films", "film"), ("podcasts", "podcast")):
        entries = top.get(section, {})
        if not isinstance(entries, dict):
            continue
        for comp_id, entry in entries.items():
            result[(kind, comp_id)] = (read_media_entry(entry, kind, shown, errors, resolve_file),
                                       entries.line_of(comp_id))
    return result
