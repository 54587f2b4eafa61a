"""A realistic Swedish kravprofil (version 1) shared by the profile and document tests."""


def realistic_profile():
    return {
        "version": 1,
        "basics": {
            "role": "Backendutvecklare",
            "team": "plattformsteamet",
            "employment": "Tillsvidareanställning, heltid",
            "location": "Umeå",
            "remote": "Två dagar i veckan på distans",
        },
        "purpose": {
            "purpose": "Vi bygger om vår betaltjänst så att fler butiker kan ansluta sig utan manuellt arbete.",
            "goals": "Inom ett år ska nya butiker kunna ansluta sig på en dag i stället för tre veckor.",
        },
        "tasks": [
            "Utveckla och underhålla våra API:er i Python",
            "Granska kollegors kod och dela med dig av kunskap",
            "Delta i jourschemat en vecka av sex",
        ],
        "requirements": [
            {"text": "Minst två års yrkeserfarenhet av Python i produktion", "category": "experience",
             "must": True, "weight": 5, "why": "Tjänsten ansvarar för produktionskod från dag ett",
             "assessment": "Arbetsprov och teknisk intervju", "stage": "Intervju 2", "level": ""},
            {"text": "Svenska i tal och skrift", "category": "language", "must": True, "weight": 4,
             "why": "Dokumentation och kundkontakt sker på svenska", "assessment": "Intervjun hålls på svenska",
             "stage": "Intervju 1", "level": "B2"},
            {"text": "Erfarenhet av PostgreSQL", "category": "knowledge", "must": False, "weight": 3,
             "why": "Vår databas", "assessment": "Teknisk intervju", "stage": "Intervju 2", "level": ""},
            {"text": "Körkort B", "category": "certificate", "must": False, "weight": 1,
             "why": "Kundbesök i länet några gånger per år", "assessment": "Fråga i telefonavstämningen",
             "stage": "Telefonavstämning", "level": ""},
        ],
        "competencies": [
            {"id": "collaboration", "level": 3, "priority": 1},
            {"id": "problem_solving", "level": 4, "priority": 2},
            {"id": "communication", "level": 3, "priority": 3},
        ],
        "conditions": {
            "salary": "Individuell lönesättning",
            "hours": "40 timmar i veckan, flextid",
            "start": "Enligt överenskommelse",
            "travel": "Några dagar per år",
            "other": "Friskvårdsbidrag 5 000 kr per år",
        },
        "process": {
            "steps": "Telefonavstämning, två intervjuer, arbetsprov och referenstagning.",
            "candidate_info": "Alla sökande får besked via e-post senast den 15 mars.",
            "timeline": "Sista ansökningsdag 1 mars, intervjuer vecka 11",
            "contact": "Anna Berg, rekryterande chef",
        },
        "ad": {
            "title": "Backendutvecklare till plattformsteamet",
            "company": "Betalbolaget AB",
            "intro": "Vill du göra det enkelt för butiker att ta betalt?",
            "tasks": "• Utveckla våra API:er\n• Granska kod",
            "must": "• Två års erfarenhet av Python\n• Svenska (B2)",
            "merits": "- PostgreSQL",
            "offer": "Tillsvidareanställning med flextid.",
            "process": "Vi intervjuar löpande.",
        },
    }
