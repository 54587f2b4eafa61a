"""The part of the block's framework the page shows, cached per override and language (the override itself is
parsed and cached by ``recruitment_core.framework_override``)."""
import functools

from recruitment_core.framework_override import framework_for


@functools.lru_cache(maxsize=32)
def frontend_framework(override, lang):
    """The part of the localized framework the page needs: clusters, competency names, definitions, levels."""
    localized = framework_for(override).localized(lang)
    return {
        "clusters": [
            {
                "id": cluster["id"],
                "name": cluster["name"],
                "competencies": [
                    {"id": comp["id"], "name": comp["name"], "definition": comp["definition"],
                     "levels": comp["levels"]}
                    for comp in cluster["competencies"]
                ],
            }
            for cluster in localized["clusters"]
        ],
    }
