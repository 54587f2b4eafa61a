"""Text the exporter itself puts into the course (notes, headings), in the course's language."""

TEXT = {
    "film_no_media": {
        "sv": "Filmen är inte publicerad ännu. Här är manuset, så att du kan läsa innehållet redan nu.",
        "en": "This film has not been published yet. Here is its script, so you can read the content now.",
    },
    "podcast_no_media": {
        "sv": "Podcastavsnittet är inte publicerat ännu. Här är utskriften, så att du kan läsa innehållet redan nu.",
        "en": "This podcast episode has not been published yet. Here is its transcript, so you can read it now.",
    },
    "manuscript": {"sv": "Manus", "en": "Script"},
    "transcript": {"sv": "Utskrift", "en": "Transcript"},
    "audio_label": {"sv": "Lyssna på avsnittet", "en": "Listen to the episode"},
    "audio_fallback": {
        "sv": "Din webbläsare kan inte spela upp ljudet. Ladda ned avsnittet:",
        "en": "Your browser cannot play the audio. Download the episode:",
    },
    "reflection_note": {
        "sv": "Skriv dina svar i din egen loggbok eller i ett dokument som du sparar. "
              "Du använder dem i nästa steg av kursen.",
        "en": "Write your answers in your own journal or in a document you keep. "
              "You will use them in the next steps of the course.",
    },
    "reflection_prompts": {"sv": "Frågor att reflektera över", "en": "Questions to reflect on"},
    "templates_list": {"sv": "Mallar att ladda ned (Word)", "en": "Templates to download (Word)"},
    "template_kravprofil": {"sv": "Kravprofil", "en": "Requirement profile"},
    "template_annons": {"sv": "Platsannons", "en": "Job advertisement"},
    "template_telefonavstamning": {"sv": "Telefonavstämning", "en": "Phone screening"},
    "template_intervju": {"sv": "Intervjumall", "en": "Interview guide"},
    "template_referenstagning": {"sv": "Referenstagning", "en": "Reference check"},
    "handouts_templates": {"sv": "Mallar att ladda ned", "en": "Templates to download"},
    "template_avslag": {"sv": "Besked till kandidater som inte går vidare", "en": "Rejection messages"},
    "docx": {"sv": "Word-dokument", "en": "Word document"},
}


def text(key, lang):
    entry = TEXT[key]
    return entry.get(lang, entry["sv"])
