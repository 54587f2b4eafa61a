"""Advisory wording checks for the free text of a kravprofil and a job ad. Never blocking.

``check_text(text, lang)`` returns flags (see docs/contracts.md) for:

- ``discrimination`` (high): wording that prefers or excludes people on one of the seven grounds of
  Diskrimineringslagen (2008:567): age, sex, transgender identity or expression, ethnicity, religion or other
  belief, disability, sexual orientation;
- ``indirect`` (medium): neutral-looking but unjustified or vague requirements (years of experience, language
  without a level, driving licence without a reason, photo, ...);
- ``vague`` (low): trait words that cannot be assessed ("driven", "flexibel", "rockstar");
- ``gender_masculine`` / ``gender_feminine`` (low): gender-coded words after Gaucher, Friesen & Kay 2011 and
  Swedish studies of job ads.

The word lists are data: ``data/wording_sv.yaml`` (Swedish text) and ``data/wording_en.yaml`` (English text),
each with messages in both languages. Both lists run on every text (learners mix languages); ``lang`` only
chooses the language of the messages. Matching works on an NFC-normalised, casefolded copy of the text;
offsets in the flags point into the text as given.
"""
import bisect
import functools
import re
import unicodedata
from importlib import resources

import yaml

from .lang import normalize_lang

KINDS = ("discrimination", "indirect", "vague", "gender_masculine", "gender_feminine")
GROUNDS = ("age", "sex", "transgender", "ethnicity", "religion", "disability", "sexual_orientation")
SEVERITY = {"discrimination": "high", "indirect": "medium", "vague": "low",
            "gender_masculine": "low", "gender_feminine": "low"}
_SEVERITY_RANK = {"high": 3, "medium": 2, "low": 1}
_KIND_RANK = {kind: i for i, kind in enumerate(KINDS)}  # tie-break on overlap: the more specific kind wins

GROUND_NAMES = {
    "sv": {"age": "ålder", "sex": "kön", "transgender": "könsöverskridande identitet eller uttryck",
           "ethnicity": "etnisk tillhörighet", "religion": "religion eller annan trosuppfattning",
           "disability": "funktionsnedsättning", "sexual_orientation": "sexuell läggning"},
    "en": {"age": "age", "sex": "sex", "transgender": "transgender identity or expression",
           "ethnicity": "ethnicity", "religion": "religion or other belief", "disability": "disability",
           "sexual_orientation": "sexual orientation"},
}
_PREFIX = {
    "sv": {"discrimination": "Diskrimineringsgrund enligt diskrimineringslagen (2008:567): {ground}. ",
           "indirect_ground": "Risk för indirekt diskriminering ({ground}). ",
           "indirect": "Krav som kan vara omotiverat. "},
    "en": {"discrimination": "Ground under the Swedish Discrimination Act (2008:567): {ground}. ",
           "indirect_ground": "Risk of indirect discrimination ({ground}). ",
           "indirect": "Possibly unjustified requirement. "},
}

DATA_FILES = ("wording_sv.yaml", "wording_en.yaml")
MAX_FLAGS = 500        # at most this many flags per text: the most severe first, then in text order
_CONTEXT = 40          # characters of context seen by not_before / not_after
_SENTENCE_WINDOW = 300  # how far to look for the ends of the sentence around a match
_MAX_MATCH_SHOWN = 80  # the words quoted in a message are cut to this length
_TOKEN = re.compile(r"\w+(?:[-’']\w+)*")
_NEXT_WORD = re.compile(r"\s+(\w+)")
# A sentence ends at . ! ? ; or a blank line or a new list item; a single line break (hard-wrapped text) does not.
_SENTENCE_END = re.compile(r"[.!?;](?=\s|$)|\n\s*\n|\n\s*[-*•]\s")


class WordingDataError(ValueError):
    """A word-list file is malformed; ``errors`` lists every problem found."""

    def __init__(self, errors):
        super().__init__("; ".join(errors))
        self.errors = errors


# ------------------------------------------------------------------ loading and compiling the word lists

class _Rule:
    __slots__ = ("id", "kind", "ground", "severity", "not_before", "not_after", "needs_before", "unless_sentence",
                 "law_passes", "message", "suggestion", "source", "neutral", "default_neutral", "hit_groups")


def _stem_regex(stems):
    """Stems with ``*`` wildcards -> one regex that must match a whole (casefolded) token.

    ``stem*`` = starts with, ``*stem`` = ends with, ``*stem*`` = contains (compounds), ``stem`` = exactly.
    """
    parts = []
    for stem in stems:
        stem = unicodedata.normalize("NFC", stem).casefold()
        core = re.escape(stem.strip("*"))
        left = r"[\w'’-]*" if stem.startswith("*") else ""
        right = r"[\w'’-]*" if stem.endswith("*") else ""
        parts.append(left + core + right)
    if not parts:
        return None
    return re.compile("(?:" + "|".join(parts) + ")")


def _bilingual(value, where, errors):
    if not (isinstance(value, dict) and all(isinstance(value.get(k), str) and value[k].strip()
                                            for k in ("sv", "en"))):
        errors.append(f"{where}: needs non-empty 'sv' and 'en' text")
        return {"sv": "", "en": ""}
    return {"sv": value["sv"], "en": value["en"]}


def _compile(pattern, where, errors, flags=0):
    try:
        return re.compile(pattern, flags)
    except (re.error, TypeError) as exc:
        errors.append(f"{where}: bad regular expression: {exc}")
        return None


def _build_rule(raw, index, fname, sources, errors):
    where = f"{fname}: rules[{index}]"
    rule = _Rule()
    rule.id = raw.get("id") or f"{fname}#{index}"
    rule.kind = raw.get("kind")
    if rule.kind not in ("discrimination", "indirect", "vague"):
        errors.append(f"{where}: kind must be discrimination, indirect or vague")
    rule.ground = raw.get("ground")
    if rule.ground is not None and rule.ground not in GROUNDS:
        errors.append(f"{where}: unknown ground {rule.ground!r}")
    if rule.kind == "discrimination" and rule.ground is None:
        errors.append(f"{where}: a discrimination rule names its ground")
    rule.severity = SEVERITY.get(rule.kind, "low")
    rule.law_passes = raw.get("law_passes") is True
    for key in ("not_before", "not_after", "needs_before", "unless_sentence"):
        setattr(rule, key, _compile(raw[key], f"{where}.{key}", errors) if raw.get(key) else None)
    rule.message = _bilingual(raw.get("message"), f"{where}.message", errors)
    rule.suggestion = _bilingual(raw.get("suggestion"), f"{where}.suggestion", errors)
    if raw.get("source") not in sources:
        errors.append(f"{where}: source {raw.get('source')!r} is not in 'sources'")
    rule.source = sources.get(raw.get("source"), {"sv": "", "en": ""})
    rule.neutral = {unicodedata.normalize("NFC", k).casefold(): _bilingual(v, f"{where}.neutral.{k}", errors)
                    for k, v in (raw.get("neutral") or {}).items()}
    rule.default_neutral = (_bilingual(raw["default_neutral"], f"{where}.default_neutral", errors)
                            if "default_neutral" in raw else {"sv": "", "en": ""})
    patterns = raw.get("patterns")
    if not (isinstance(patterns, list) and patterns and all(isinstance(p, str) for p in patterns)):
        errors.append(f"{where}: patterns must be a non-empty list of strings")
        patterns = []
    return rule, patterns


def _load_file(fname, errors):
    text = resources.files("recruitment_core").joinpath("data", fname).read_text("utf-8")
    data = yaml.safe_load(text)
    if not isinstance(data, dict):
        errors.append(f"{fname}: not a mapping")
        return None
    sources = {}
    for key, value in (data.get("sources") or {}).items():
        sources[key] = _bilingual(value, f"{fname}: sources.{key}", errors)
    rules = [_build_rule(raw, i, fname, sources, errors) for i, raw in enumerate(data.get("rules") or [])]
    gender = data.get("gender") or {}
    for key in ("masculine", "feminine"):
        if not (isinstance(gender.get(key), list) and gender[key]):
            errors.append(f"{fname}: gender.{key} must be a non-empty list of stems")
    texts = {}
    for part in ("message", "suggestion"):
        for key in ("masculine", "feminine"):
            texts[(part, key)] = _bilingual((gender.get(part) or {}).get(key), f"{fname}: gender.{part}.{key}",
                                            errors)
    texts["source"] = _bilingual(gender.get("source"), f"{fname}: gender.source", errors)
    law = data.get("law")
    if law is not None and not isinstance(law, str):
        errors.append(f"{fname}: law must be a regular expression")
        law = None
    return {"rules": rules, "neutral": data.get("neutral") or [], "exclude": data.get("exclude_words") or [],
            "law": law,
            "gender": gender, "gender_texts": texts}


class _Lists:
    """Everything compiled once: the rule regexes (one per severity), neutral spans, stems, exclusions."""

    def __init__(self):
        errors = []
        files = [_load_file(name, errors) for name in DATA_FILES]
        if errors:
            raise WordingDataError(errors)
        self.rules = {}
        by_kind = {"discrimination": [], "indirect": [], "vague": []}
        for f_index, data in enumerate(files):
            for r_index, (rule, patterns) in enumerate(data["rules"]):
                name = f"r{f_index}_{r_index}"
                alternatives = []
                rule.hit_groups = []
                for p_index, pattern in enumerate(patterns):
                    if "(?P<hit>" in pattern:
                        group = f"h{f_index}_{r_index}_{p_index}"
                        pattern = pattern.replace("(?P<hit>", f"(?P<{group}>")
                        rule.hit_groups.append(group)
                    alternatives.append(pattern)
                by_kind[rule.kind].append(f"(?P<{name}>{'|'.join(alternatives)})")
                self.rules[name] = rule
        # One word-boundary check around the whole alternation: most positions fail it at once.
        self.scanners = [_compile("(?<!\\w)(?:" + "|".join(parts) + ")(?!\\w)", f"rules of kind {kind}", errors)
                         for kind, parts in by_kind.items() if parts]
        self.neutral = _compile("|".join(f"(?:{p})" for f in files for p in f["neutral"]), "neutral", errors)
        # A named law ("enligt alkohollagen", "under the Alcohol Act"): rules with law_passes give no flag then.
        laws = [f["law"] for f in files if f["law"]]
        self.law = _compile("|".join(f"(?:{p})" for p in laws), "law", errors) if laws else None
        exclude = [s for f in files for s in f["exclude"]]
        self.exclude = _stem_regex(exclude)
        # Per file: (masculine stems, feminine stems, that file's texts). A word hit by the Swedish lists gets
        # the Swedish file's texts (which cite the Swedish studies too), otherwise the English file's.
        self.gender = [(_stem_regex(f["gender"]["masculine"]), _stem_regex(f["gender"]["feminine"]),
                        f["gender_texts"]) for f in files]
        # "leder till", "lead to": a coded word followed by one of these words means something else.
        self.not_followed_by = {}
        for f in files:
            for word, nexts in (f["gender"].get("not_followed_by") or {}).items():
                self.not_followed_by.setdefault(word.casefold(), set()).update(n.casefold() for n in nexts)
        if errors:
            raise WordingDataError(errors)
        self._token_cache = {}

    def token_kind(self, token):
        """``(kind, texts)`` with kind ``"gender_masculine"``/``"gender_feminine"``, or ``None`` (memoised)."""
        try:
            return self._token_cache[token]
        except KeyError:
            pass
        kind = None
        if not (self.exclude and self.exclude.fullmatch(token)):
            for part in [token] + (token.split("-") if "-" in token else []):
                for masculine, feminine, texts in self.gender:
                    if masculine.fullmatch(part):
                        kind = ("gender_masculine", texts)
                    elif feminine.fullmatch(part):
                        kind = ("gender_feminine", texts)
                    if kind:
                        break
                if kind:
                    break
        if len(self._token_cache) > 50_000:
            self._token_cache.clear()
        self._token_cache[token] = kind
        return kind


@functools.lru_cache(maxsize=1)
def word_lists():
    """The compiled word lists (loaded and checked once; raises ``WordingDataError`` on a bad data file)."""
    return _Lists()


# ------------------------------------------------------------------ text handling

def _fold(text):
    """Return ``(folded, to_original)``: NFC + casefold, and a function mapping folded offsets back.

    Casefolding can change lengths ("ß" -> "ss") and NFC can merge characters, so when the folded text is not
    the same length as the input, offsets are mapped through the chunk of input each folded character came from.
    """
    if unicodedata.is_normalized("NFC", text):
        folded = text.casefold()
        if len(folded) == len(text):
            return folded, None
    out = []
    starts = []  # for each folded character, the input offset of the chunk it came from
    ends = []
    i, n = 0, len(text)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        piece = unicodedata.normalize("NFC", unicodedata.normalize("NFC", text[i:j]).casefold())
        out.append(piece)
        starts.extend([i] * len(piece))
        ends.extend([j] * len(piece))
        i = j
    return "".join(out), (starts, ends, n)


def _to_original(mapping, start, end):
    if mapping is None:
        return start, end
    starts, ends, n = mapping
    o_start = starts[start] if start < len(starts) else n
    o_end = ends[end - 1] if end > 0 else 0
    return o_start, max(o_start, o_end)


def _token_at(folded, pos):
    left = pos
    while left > 0 and (folded[left - 1].isalnum() or folded[left - 1] in "_-"):
        left -= 1
    right = pos
    while right < len(folded) and (folded[right].isalnum() or folded[right] in "_-"):
        right += 1
    return folded[left:right].strip("-")


def _sentence(folded, start, end):
    lo = max(0, start - _SENTENCE_WINDOW)
    left = lo
    for m in _SENTENCE_END.finditer(folded, lo, start):
        left = m.end()
    m = _SENTENCE_END.search(folded, end, min(len(folded), end + _SENTENCE_WINDOW))
    right = m.start() if m else min(len(folded), end + _SENTENCE_WINDOW)
    return folded[left:right]


class _Neutral:
    """Neutral spans ("oavsett ålder, kön ...") computed on first use."""

    def __init__(self, lists, folded):
        self.lists, self.folded, self.spans = lists, folded, None

    def covers(self, pos):
        if self.spans is None:
            rx = self.lists.neutral
            found = [(m.start(), m.end()) for m in rx.finditer(self.folded)] if rx else []
            self.starts = [s for s, _ in found]
            self.spans = found
        i = bisect.bisect_right(self.starts, pos) - 1
        return i >= 0 and self.spans[i][0] <= pos < self.spans[i][1]


# ------------------------------------------------------------------ the checks

def _accept(lists, rule, folded, start, end, neutral):
    if rule.kind in ("discrimination", "indirect") and neutral.covers(start):
        return False
    if rule.not_before and rule.not_before.search(folded[max(0, start - _CONTEXT):start]):
        return False
    if rule.not_after and rule.not_after.search(folded[end:end + _CONTEXT]):
        return False
    if rule.needs_before and not rule.needs_before.search(folded[max(0, start - _CONTEXT):start]):
        return False
    if lists.exclude and lists.exclude.fullmatch(_token_at(folded, start)):
        return False
    if rule.unless_sentence and rule.unless_sentence.search(_sentence(folded, start, end)):
        return False
    if rule.law_passes and lists.law and lists.law.search(_sentence(folded, start, end)):
        return False
    return True


def _rule_candidates(lists, folded):
    neutral = _Neutral(lists, folded)
    for scanner in lists.scanners:
        pos = 0
        while True:
            m = scanner.search(folded, pos)
            if m is None:
                break
            rule = lists.rules[m.lastgroup]
            start, end = m.span()
            for group in rule.hit_groups:
                if m.group(group) is not None:
                    start, end = m.span(group)
                    break
            if _accept(lists, rule, folded, start, end, neutral):
                yield start, end, rule.kind, rule
                # A match narrowed to its hit ("kandidaten ... han") must not hide other wording in between.
                pos = m.end() if (start, end) == m.span() else m.start() + 1
            else:
                pos = m.start() + 1


def _gender_candidates(lists, folded):
    for m in _TOKEN.finditer(folded):
        start, end = m.span()
        before = folded[start - 1] if start else " "
        after = folded[end] if end < len(folded) else " "
        if before in "@/" or after == "@" or (before == "." and start > 1 and folded[start - 2].isalnum()):
            continue  # e-mail addresses and web addresses ("support@...", "example.com/lead")
        found = lists.token_kind(m.group())
        if found:
            nexts = lists.not_followed_by.get(m.group())
            if nexts:
                following = _NEXT_WORD.match(folded, end)
                if following and following.group(1) in nexts:
                    continue
            yield start, end, found[0], found[1]


def _non_overlapping(candidates):
    """Keep the most severe (then the more specific kind, then the earlier, then the longer) of overlapping flags."""
    ordered = sorted(candidates, key=lambda c: (-_SEVERITY_RANK[SEVERITY[c[2]]], _KIND_RANK[c[2]], c[0],
                                                c[0] - c[1]))
    starts, ends, kept = [], [], []
    for cand in ordered:
        start, end = cand[0], cand[1]
        i = bisect.bisect_left(starts, start)
        if i > 0 and ends[i - 1] > start:
            continue
        if i < len(starts) and starts[i] < end:
            continue
        starts.insert(i, start)
        ends.insert(i, end)
        kept.insert(i, cand)
    return kept


def _shown(text):
    text = " ".join(text.split())
    return text if len(text) <= _MAX_MATCH_SHOWN else text[:_MAX_MATCH_SHOWN - 1] + "…"


def _make_flag(cand, text, mapping, folded, lang):
    start, end, kind, rule = cand
    o_start, o_end = _to_original(mapping, start, end)
    match = text[o_start:o_end]
    shown = _shown(match)
    if kind.startswith("gender_"):  # rule holds the texts of the word list that matched
        key = kind[len("gender_"):]
        message = rule[("message", key)][lang]
        suggestion = rule[("suggestion", key)][lang]
        source = rule["source"][lang]
        ground = None
    else:
        ground = rule.ground
        prefix = ""
        if kind == "discrimination":
            prefix = _PREFIX[lang]["discrimination"].format(ground=GROUND_NAMES[lang][ground])
        elif kind == "indirect":
            prefix = (_PREFIX[lang]["indirect_ground"].format(ground=GROUND_NAMES[lang][ground]) if ground
                      else _PREFIX[lang]["indirect"])
        message = prefix + rule.message[lang]
        suggestion = rule.suggestion[lang]
        if "{neutral}" in suggestion:
            base = re.sub(r"m(?:an|annen|än|ännen|en)$", "man", folded[start:end])
            base = re.sub(r"(?:an|or|orna)$", "a", base) if base.endswith(("innan", "innor", "innorna")) else base
            base = re.sub(r"es$", "", base) if base.endswith("esses") else base
            base = re.sub(r"women$", "woman", base)
            base = re.sub(r"s$", "", base) if base.endswith("girls") else base
            neutral = rule.neutral.get(base) or rule.default_neutral
            suggestion = suggestion.replace("{neutral}", neutral[lang])
        source = rule.source[lang]
    return {"kind": kind, "ground": ground, "match": match, "start": o_start, "end": o_end,
            "severity": SEVERITY[kind], "message": message.replace("{match}", shown),
            "suggestion": suggestion.replace("{match}", shown), "source": source}


def _prepare(text):
    if text is None:
        return ""
    if not isinstance(text, str):
        raise TypeError("text must be a string")
    return text


def check_text(text, lang):
    """Advisory flags on free text, sorted by start offset and never overlapping (see the module docstring).

    A text with more than ``MAX_FLAGS`` findings gets the ``MAX_FLAGS`` most severe ones.
    """
    text = _prepare(text)
    lang = normalize_lang(lang)
    if not text.strip():
        return []
    lists = word_lists()
    folded, mapping = _fold(text)
    candidates = list(_rule_candidates(lists, folded))
    candidates.extend(_gender_candidates(lists, folded))
    kept = _non_overlapping(candidates)
    if len(kept) > MAX_FLAGS:
        kept = sorted(kept, key=lambda c: (-_SEVERITY_RANK[SEVERITY[c[2]]], c[0]))[:MAX_FLAGS]
        kept.sort(key=lambda c: c[0])
    return [_make_flag(cand, text, mapping, folded, lang) for cand in kept]


# ------------------------------------------------------------------ gender balance

def _verdict(masculine, feminine):
    total = masculine + feminine
    if total == 0:
        return "neutral"
    if abs(masculine - feminine) <= max(1, 0.2 * total):
        return "balanced"
    return "masculine" if masculine > feminine else "feminine"


def gender_balance(text):
    """Count gender-coded words: ``{"masculine", "feminine", "masculine_words", "feminine_words", "verdict"}``.

    Every occurrence counts; the word lists hold each word once, casefolded, in order of first appearance.
    Verdict: ``neutral`` (no coded words), ``balanced`` (the sides differ by at most one word or a fifth of all
    coded words, whichever is more), otherwise the side with more words.
    """
    text = _prepare(text)
    lists = word_lists()
    folded, _ = _fold(text)
    counts = {"gender_masculine": 0, "gender_feminine": 0}
    words = {"gender_masculine": [], "gender_feminine": []}
    for start, end, kind, _texts in _gender_candidates(lists, folded):
        counts[kind] += 1
        word = folded[start:end]
        if word not in words[kind]:
            words[kind].append(word)
    m, f = counts["gender_masculine"], counts["gender_feminine"]
    return {"masculine": m, "feminine": f, "masculine_words": words["gender_masculine"],
            "feminine_words": words["gender_feminine"], "verdict": _verdict(m, f)}


_BALANCE_TEXT = {
    "sv": {
        "neutral": "Texten innehåller inga ord som forskningen kodar som maskulina eller feminina.",
        "balanced": "Texten är balanserad: {m} maskulint och {f} feminint kodade ord.",
        "masculine": ("Texten är maskulint kodad: {m} maskulint kodade ord ({words}) mot {f} feminint {f_coded} "
                      "ord. Gaucher, Friesen & Kay (2011) visade att kvinnor upplever sådana annonser som mindre "
                      "tilltalande och känner mindre tillhörighet. Byt ut några ord eller beskriv också "
                      "samarbete och stöd i arbetet."),
        "feminine": ("Texten är feminint kodad: {f} feminint kodade ord ({words}) mot {m} maskulint {m_coded} "
                     "ord. Svenska studier (Umeå universitet 2013, 2021; Mälardalens universitet 2024) finner t.ex. "
                     "”samarbetsförmåga” oftare i annonser för kvinnodominerade yrken. Beskriv också ansvar, "
                     "beslut och självständigt arbete så att annonsen talar till fler."),
    },
    "en": {
        "neutral": "The text has no words that research codes as masculine or feminine.",
        "balanced": "The text is balanced: {m} masculine-coded and {f} feminine-coded words.",
        "masculine": ("The text is masculine-coded: {m} masculine-coded words ({words}) against {f} "
                      "feminine-coded {f_words}. Gaucher, Friesen & Kay (2011) showed that women find such ads "
                      "less appealing and feel they belong less. Replace some words or also describe cooperation "
                      "and support in the job."),
        "feminine": ("The text is feminine-coded: {f} feminine-coded words ({words}) against {m} "
                     "masculine-coded {m_words}. Swedish studies (Umeå University 2013, 2021; Mälardalen University "
                     "2024) find e.g. “samarbetsförmåga” (ability to cooperate) more often in ads for "
                     "female-dominated jobs. Also describe responsibility, decisions and independent work so the "
                     "ad speaks to more people."),
    },
}


def gender_message(balance, lang):
    """Explain a ``gender_balance`` result in Swedish or English."""
    if not isinstance(balance, dict) or balance.get("verdict") not in ("neutral", "balanced", "masculine",
                                                                        "feminine"):
        raise ValueError("balance must be a result of gender_balance()")
    lang = normalize_lang(lang)
    verdict = balance["verdict"]
    side = balance.get("masculine_words" if verdict == "masculine" else "feminine_words") or []
    words = ", ".join(str(w) for w in side[:8]) + (" …" if len(side) > 8 else "")
    template = _BALANCE_TEXT[lang][verdict]
    counts = {"m": int(balance.get("masculine", 0)), "f": int(balance.get("feminine", 0))}
    for key, count in counts.items():  # one word is "kodat ord" / "word", more "kodade ord" / "words"
        template = (template.replace("{%s}" % key, str(count))
                    .replace("{%s_coded}" % key, "kodat" if count == 1 else "kodade")
                    .replace("{%s_words}" % key, "word" if count == 1 else "words"))
    return template.replace("{words}", words)
