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
    # ---- framework pages (framework_pages.py)
    "and": {"sv": "och", "en": "and"},
    "fp_counts_framework": {"sv": "Ramverket har {competencies} kompetenser i {clusters} områden.",
                            "en": "The framework has {competencies} competencies in {clusters} areas."},
    "fp_counts_questions": {
        "sv": "Till kompetenserna hör {questions} intervjufrågor: {types}.",
        "en": "The competencies come with {questions} interview questions: {types}.",
    },
    "fp_count_behavioural": {"sv": "{count} beteendebaserade", "en": "{count} behavioural"},
    "fp_count_situational": {"sv": "{count} situationsbaserade", "en": "{count} situational"},
    "fp_n_questions": {"sv": "({count} frågor)", "en": "({count} questions)"},
    "fp_n_items": {"sv": "({count} punkter)", "en": "({count} items)"},
    "fp_more": {"sv": "Fler frågor – och frågor du inte ställer", "en": "More questions – and questions not to ask"},
    "fp_weak_signs_all": {"sv": "Tecken på ett svagt svar, oavsett fråga",
                          "en": "Signs of a weak answer, whatever the question"},
    "fp_sources": {"sv": "Ursprung och källor", "en": "Origin and sources"},
    "fp_cluster": {"sv": "Område", "en": "Area"},
    "fp_indicators": {"sv": "Så märks kompetensen i arbetet", "en": "How it shows at work"},
    "fp_levels": {"sv": "Nivåer", "en": "Levels"},
    "fp_methods": {"sv": "Så bedömer du den", "en": "How to assess it"},
    "fp_methods_text": {"sv": "Bedöms bäst med {methods}.", "en": "Best assessed with {methods}."},
    "fp_questions": {"sv": "Intervjufrågor", "en": "Interview questions"},
    "fp_no_questions": {"sv": "Frågebanken har ännu inga frågor om den här kompetensen.",
                        "en": "The question bank has no questions about this competency yet."},
    "fp_question_meta": {"sv": "{type} fråga, cirka {minutes} minuter",
                         "en": "{type} question, about {minutes} minutes"},
    "fp_phone_screen_title": {"sv": "Frågor till telefonavstämningen", "en": "Questions for the phone screen"},
    "fp_phone_screen_intro": {
        "sv": "En kort telefonavstämning före intervjun prövar motivation, skallkrav och praktiska förutsättningar "
              "och ger kandidaten en bild av processen. Ställ samma frågor i samma ordning till alla kandidater.",
        "en": "A short phone screen before the interview checks motivation, must-haves and practicalities and gives "
              "the candidate a picture of the process. Ask every candidate the same questions in the same order.",
    },
    "fp_in_order": {"sv": "Frågorna i samtalets ordning", "en": "The questions in the order of the call"},
    "fp_reference_check_title": {"sv": "Frågor till referenstagningen", "en": "Questions for the reference check"},
    "fp_reference_check_intro": {
        "sv": "Referenstagningen prövar det kandidaten har berättat mot vad någon annan har sett hen göra. Fråga "
              "efter konkreta situationer, inte efter omdömen, och ställ samma frågor till varje referens.",
        "en": "The reference check tests what the candidate has told you against what someone else has seen them "
              "do. Ask for concrete situations, not verdicts, and ask every referee the same questions.",
    },
    "fp_placeholder": {"sv": "[kompetensen]", "en": "[the competency]"},
    "fp_per_competency": {"sv": "En gång per kompetens", "en": "Once per competency"},
    "fp_must_not_ask_title": {"sv": "Frågor du inte ställer – och vad du frågar i stället",
                              "en": "Questions not to ask – and what to ask instead"},
    "fp_must_not_ask_intro": {
        "sv": "Frågorna nedan rör diskrimineringsgrunderna eller sådant som står nära dem, och fackligt medlemskap. "
              "De säger inget om förmågan att göra jobbet. De kan ge underlag för en presumtion om diskriminering "
              "eller kränka föreningsrätten, även när de är vänligt menade. Varje avsnitt säger varför och vad du "
              "frågar i stället: det som jobbet kräver, på samma sätt till alla kandidater.",
        "en": "The questions below concern the grounds of discrimination or matters close to them, and union "
              "membership. They say nothing about the ability to do the job. They can support a presumption of "
              "discrimination or infringe the freedom of association, even when they are meant kindly. Each part "
              "says why and what to ask instead: what the job requires, in the same way to every candidate.",
    },
    "fp_do_not_ask": {"sv": "Exempel på frågor du inte ställer:", "en": "Examples of questions not to ask:"},
    "fp_why": {"sv": "Varför:", "en": "Why:"},
    "fp_instead": {"sv": "Fråga i stället:", "en": "Ask instead:"},
}


def text(key, lang):
    entry = TEXT[key]
    return entry.get(lang, entry["sv"])
