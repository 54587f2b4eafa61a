"""Advice on saved profiles, remembered: the page shown after a save (and repeated views of it) finds the advice
already computed. Keyed by the profile's text, the framework, the language and the maximum of competencies; at
most ``CACHE_SIZE`` entries, the least recently used dropped first. Safe under threads (LMS workers)."""
import hashlib
import json
import threading
from collections import OrderedDict

from recruitment_core.framework_override import framework_for, framework_version
from recruitment_core.profile import profile_advice

CACHE_SIZE = 256
# What a page shows of each advice item (the match offsets and severity of wording flags are left out).
SHOWN_KEYS = ("section", "index", "field", "kind", "ground", "message", "suggestion", "source", "repeats")
_cache = OrderedDict()
_lock = threading.Lock()


def profile_json(profile):
    """The compact JSON text of a profile (the cache key's source; the page embeds the same text)."""
    return json.dumps(profile, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def cached_advice(profile, text, override, lang, maximum):
    """``profile_advice`` of ``profile`` (whose ``profile_json`` is ``text``), its ``SHOWN_KEYS`` only, remembered."""
    key = (hashlib.sha1(text.encode("utf-8")).digest(), framework_version(override), lang, maximum)
    with _lock:
        advice = _cache.get(key)
        if advice is not None:
            _cache.move_to_end(key)
            return advice
    advice = [{name: item[name] for name in SHOWN_KEYS if item.get(name) not in (None, "")}
              for item in profile_advice(profile, framework_for(override), lang, maximum)]
    with _lock:
        _cache[key] = advice
        while len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)
    return advice


def advice_for(profile, override, lang, maximum):
    """Advice on a saved profile, through the cache."""
    return cached_advice(profile, profile_json(profile), override, lang, maximum)
