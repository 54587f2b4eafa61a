"""Bilingual strings for the requirement profile: labels, validation errors, advice and ad phrases.

Swedish first. The templates are ours and filled with ``str.format``; the values may be learner text (the ad
phrases), so every result is plain text for run text or ``textContent``, never HTML.
"""

from .lang import normalize_lang

# The one source of the section titles and field labels: the form, the Word documents and the print view all
# read them from here, so a learner meets the same words everywhere (shared/reference/swedish-style.md).
SECTION_TITLES = {
    "basics": {"sv": "Grunduppgifter", "en": "Basics"},
    "purpose": {"sv": "Syfte och mål", "en": "Purpose and goals"},
    "tasks": {"sv": "Arbetsuppgifter", "en": "Tasks"},
    "requirements": {"sv": "Skallkrav och meriterande", "en": "Must-haves and merits"},
    "competencies": {"sv": "Kompetenser", "en": "Competencies"},
    "conditions": {"sv": "Villkor", "en": "Conditions"},
    "process": {"sv": "Rekryteringsprocess", "en": "Recruitment process"},
    "ad": {"sv": "Annons", "en": "Job ad"},
}

FIELD_LABELS = {
    "basics.role": {"sv": "Roll", "en": "Role"},
    "basics.team": {"sv": "Team eller avdelning", "en": "Team or department"},
    "basics.employment": {"sv": "Anställningsform", "en": "Type of employment"},
    "basics.location": {"sv": "Placering", "en": "Location"},
    "basics.remote": {"sv": "Distansarbete", "en": "Remote work"},
    "purpose.purpose": {"sv": "Varför rollen finns", "en": "Why the role exists"},
    "purpose.goals": {"sv": "Mål för de första 12 månaderna", "en": "Goals for the first 12 months"},
    "requirements.text": {"sv": "Krav", "en": "Requirement"},
    "requirements.category": {"sv": "Kategori", "en": "Category"},
    "requirements.must": {"sv": "Skallkrav (annars meriterande)", "en": "Must-have (otherwise a merit)"},
    "requirements.weight": {"sv": "Vikt (1–5)", "en": "Weight (1–5)"},
    "requirements.why": {"sv": "Varför jobbet kräver det", "en": "Why the job needs it"},
    "requirements.assessment": {"sv": "Hur det bedöms", "en": "How it is assessed"},
    "requirements.stage": {"sv": "När i processen", "en": "At which stage"},
    "requirements.level": {"sv": "Nivå (för språk t.ex. B2 enligt GERS)", "en": "Level (for a language e.g. CEFR B2)"},
    "competencies.name": {"sv": "Kompetens", "en": "Competency"},
    "competencies.level": {"sv": "Nivå som krävs (1–5)", "en": "Level needed (1–5)"},
    "competencies.priority": {"sv": "Prioritet", "en": "Priority"},
    "conditions.salary": {"sv": "Lön eller lönespann", "en": "Pay or pay range"},
    "conditions.hours": {"sv": "Arbetstid och omfattning", "en": "Working hours"},
    "conditions.start": {"sv": "Tillträde", "en": "Start date"},
    "conditions.travel": {"sv": "Resor", "en": "Travel"},
    "conditions.other": {"sv": "Övriga villkor", "en": "Other conditions"},
    "process.steps": {"sv": "Steg i processen", "en": "Steps of the process"},
    "process.candidate_info": {"sv": "När och hur kandidaterna får besked", "en": "When and how candidates hear back"},
    "process.timeline": {"sv": "Tidsplan", "en": "Timeline"},
    "process.contact": {"sv": "Kontaktperson", "en": "Contact person"},
    "ad.title": {"sv": "Rubrik", "en": "Headline"},
    "ad.company": {"sv": "Om företaget", "en": "About the company"},
    "ad.intro": {"sv": "Inledning", "en": "Introduction"},
    "ad.tasks": {"sv": "Arbetsuppgifter", "en": "What you will do"},
    "ad.must": {"sv": "Vi söker dig som har", "en": "What we require"},
    "ad.merits": {"sv": "Meriterande", "en": "Nice to have"},
    "ad.offer": {"sv": "Vi erbjuder", "en": "What we offer"},
    "ad.process": {"sv": "Process och kontakt", "en": "Process and contact"},
}

CATEGORY_LABELS = {
    "education": {"sv": "Utbildning", "en": "Education"},
    "experience": {"sv": "Erfarenhet", "en": "Experience"},
    "knowledge": {"sv": "Kunskaper", "en": "Knowledge"},
    "language": {"sv": "Språk", "en": "Language"},
    "certificate": {"sv": "Certifikat eller behörighet", "en": "Certificate or licence"},
    "personal": {"sv": "Personlig kompetens", "en": "Personal competency"},
}

MUST_LABELS = {
    True: {"sv": "Skallkrav", "en": "Must-have"},
    False: {"sv": "Meriterande", "en": "Merit"},
}

# Validation errors: ``ProfileError.code`` -> message after "<field>: ".
ERRORS = {
    "type_object": {"sv": "måste vara ett objekt", "en": "must be an object"},
    "type_list": {"sv": "måste vara en lista", "en": "must be a list"},
    "type_text": {"sv": "måste vara text", "en": "must be text"},
    "type_bool": {"sv": "måste vara sant eller falskt", "en": "must be true or false"},
    "int_range": {
        "sv": "måste vara ett heltal från {min} till {max}",
        "en": "must be a whole number from {min} to {max}",
    },
    "unknown_key": {"sv": "okänt fält", "en": "unknown field"},
    "choice": {"sv": "måste vara något av: {choices}", "en": "must be one of: {choices}"},
    "too_long": {"sv": "är för lång (högst {max} tecken)", "en": "is too long (at most {max} characters)"},
    "too_many": {"sv": "har för många rader (högst {max})", "en": "has too many items (at most {max})"},
    "id_pattern": {
        "sv": "måste vara ett id med 2–41 små bokstäver a–z, siffror eller _, som börjar med en bokstav",
        "en": "must be an id of 2–41 lowercase letters a–z, digits or _, starting with a letter",
    },
    "duplicate": {"sv": "kompetensen är vald två gånger", "en": "the competency is chosen twice"},
    "required": {"sv": "saknas", "en": "is required"},
    "version": {"sv": "okänd version (förväntade {expected})", "en": "unsupported version (expected {expected})"},
    "too_large": {
        "sv": "hela kravprofilen är för stor (högst {max} byte)",
        "en": "the whole profile is too large (at most {max} bytes)",
    },
}

# Structural advice: kind -> message. Sources as in docs/domain-facts.
ADVICE = {
    "missing_why": {
        "sv": "Skriv varför jobbet kräver detta. Ett omotiverat krav är både en kvalitetsrisk och en juridisk "
              "risk (diskrimineringslagen 2008:567). Exempel: lager – ”truckkort, eftersom du lastar lastbilar "
              "varje dag”; sälj – ”B-körkort, eftersom du besöker kunder varje vecka”; support – ”engelska på "
              "nivå B2, eftersom var tredje kund skriver på engelska”; utveckling – ”Python, eftersom hela "
              "plattformen är skriven i det”; ekonomi – ”månadsbokslut, eftersom du ansvarar för det från "
              "första månaden”; vård – ”legitimation, som krävs enligt patientsäkerhetslagen”.",
        "en": "Write why the job needs this. An unjustified requirement is both a quality risk and a legal risk "
              "(Swedish Discrimination Act 2008:567). Examples: warehouse – “forklift licence, because you load "
              "lorries every day”; sales – “driving licence, because you visit customers every week”; support – "
              "“English at CEFR level B2, because one customer in three writes in English”; development – "
              "“Python, because the whole platform is written in it”; finance – “month-end closing, because "
              "you own it from the first month”; care – “a nurse's licence, required under the Patient Safety "
              "Act”.",
    },
    "missing_assessment": {
        "sv": "Beskriv hur kravet ska bedömas, till exempel med en intervjufråga, ett arbetsprov eller en "
              "referens.",
        "en": "Describe how the requirement will be assessed, for example with an interview question, a work "
              "sample or a reference.",
    },
    "missing_stage": {
        "sv": "Ange i vilket steg av processen kravet bedöms, till exempel urval, telefonavstämning eller "
              "intervju.",
        "en": "State at which stage of the process the requirement is assessed, for example screening, phone "
              "screen or interview.",
    },
    "too_many_must": {
        "sv": "{must} av {total} krav är skallkrav. Fler än fem, eller fler än två tredjedelar, gör urvalet "
              "snävt och stänger ute sökande i onödan. Gör de mindre viktiga till meriterande.",
        "en": "{must} of {total} requirements are must-haves. More than five, or more than two thirds, "
              "narrows the field and shuts out applicants needlessly. Turn the less important ones into merits.",
    },
    "too_many_competencies": {
        "sv": "Du har valt {count} kompetenser; håll dig till högst {max}. En intervju hinner pröva 5–8 "
              "kompetenser ordentligt (US OPM 2008).",
        "en": "You have chosen {count} competencies; keep to at most {max}. An interview can assess 5–8 "
              "competencies properly (US OPM 2008).",
    },
    "unknown_competency": {
        "sv": "Kompetensen ”{id}” finns inte i kompetensramverket. Välj en kompetens från ramverket.",
        "en": "The competency “{id}” is not in the competency framework. Choose one from the framework.",
    },
    "language_level": {
        "sv": "Ange vilken språknivå jobbet kräver enligt GERS, Gemensam europeisk referensram för språk "
              "(A1–C2), och varför. Vaga krav som ”perfekt svenska” kan vara indirekt diskriminering.",
        "en": "State the language level the job needs, for example on the CEFR scale (A1–C2), and why. "
              "Vague demands such as “perfect Swedish” can be indirect discrimination.",
    },
    "duplicate_priority": {
        "sv": "Prioritet {priority} används för flera kompetenser. Ge varje kompetens en egen prioritet.",
        "en": "Priority {priority} is used for more than one competency. Give each competency its own "
              "priority.",
    },
    "pay_range": {
        "sv": "Ange lönen eller lönespannet, t.ex. ”32 000–36 000 kr i månaden”. Enligt EU:s "
              "lönetransparensdirektiv (2023/970) ska sökande få veta lönen eller dess spann före intervjun, och "
              "arbetsgivaren får inte fråga om tidigare lön.",
        "en": "State the pay or its range, e.g. “SEK 32,000–36,000 a month”. Under the EU pay transparency "
              "directive (2023/970) applicants are told the pay or its range before the interview, and the "
              "employer may not ask about their pay history.",
    },
    "repeats": {
        "sv": "Samma sak gäller på ytterligare {count} ställen.",
        "en": "The same applies in {count} more places.",
    },
    "placeholder": {
        "sv": "Ersätt ”{placeholder}” med er egen text innan ni laddar ner eller publicerar annonsen "
              "({count} platshållare i fältet).",
        "en": "Replace “{placeholder}” with your own text before you download or publish the ad "
              "({count} placeholders in the field).",
    },
    "no_candidate_info": {
        "sv": "Planera när och hur kandidaterna får besked, även de som inte går vidare. I Talent Boards "
              "undersökning 2020 av kandidater i Nordamerika väntade 33 % fortfarande på besked två månader "
              "efter ansökan.",
        "en": "Plan when and how candidates will hear from you, including those who do not go further. In "
              "the Talent Board survey 2020 of candidates in North America, 33 % were still waiting for news two "
              "months after applying.",
    },
}

# Phrases for draft_ad. Placeholders are bracketed hints for the writer, never invented facts; a placeholder
# always starts with "[" so that the block can warn before a document with one is downloaded.
AD = {
    "intro_role_team": {"sv": "Vi söker nu {role} till {team}.", "en": "We are looking for a new {role} to join {team}."},
    "intro_role": {"sv": "Vi söker nu {role}.", "en": "We are looking for a new {role}."},
    "location": {"sv": "Placering: {value}", "en": "Location: {value}"},
    "remote": {"sv": "Distansarbete: {value}", "en": "Remote work: {value}"},
    "competencies_lead": {"sv": "Personlig kompetens som rollen kräver:",
                          "en": "Personal competencies the role needs:"},
    "competency_missing_ad": {
        "sv": "[{name}: beskriv med ”Du …” vad rollen kräver på nivå {level}]",
        "en": "[{name}: describe with “You …” what the role needs at level {level}]",
    },
    "language_level": {"sv": "nivå {level} enligt GERS", "en": "CEFR level {level}"},
    "reason_clause": {"sv": ", eftersom {reason}", "en": ", because {reason}"},
    "reason_phrase": {"sv": " för {reason}", "en": " for {reason}"},
    "employment": {"sv": "Anställningsform: {value}", "en": "Type of employment: {value}"},
    "hours": {"sv": "Arbetstid: {value}", "en": "Working hours: {value}"},
    "salary": {"sv": "Lön: {value}", "en": "Salary: {value}"},
    "start": {"sv": "Tillträde: {value}", "en": "Start: {value}"},
    "travel": {"sv": "Resor: {value}", "en": "Travel: {value}"},
    "steps": {"sv": "Så går rekryteringen till: {value}", "en": "How we recruit: {value}"},
    "timeline": {"sv": "Tidsplan: {value}", "en": "Timeline: {value}"},
    "contact": {"sv": "Kontakt: {value}", "en": "Contact: {value}"},
    "apply": {
        "sv": "Sök tjänsten via [länk eller e-postadress] senast [sista ansökningsdag].",
        "en": "Apply via [link or e-mail address] by [closing date].",
    },
    "ph_title": {"sv": "[Titel på tjänsten]", "en": "[Job title]"},
    "ph_company": {"sv": "[Företagets namn]", "en": "[Company name]"},
    "ph_intro": {
        "sv": "[Beskriv företaget, varför rollen finns och var den är placerad]",
        "en": "[Describe the company, why the role exists and where it is based]",
    },
    "ph_tasks": {"sv": "[Lista de viktigaste arbetsuppgifterna]", "en": "[List the main tasks]"},
    "ph_must": {"sv": "[Lista skallkraven]", "en": "[List the must-have requirements]"},
    "ph_merits": {"sv": "[Lista det som är meriterande]", "en": "[List what is a merit]"},
    "ph_offer": {"sv": "[Beskriv vad ni erbjuder]", "en": "[Describe what you offer]"},
    "ph_salary": {
        "sv": "[Ange lönen eller lönespannet, t.ex. 32 000–36 000 kr i månaden: enligt EU:s "
              "lönetransparensdirektiv (2023/970) ska sökande få veta det före intervjun]",
        "en": "[State the pay or its range, e.g. SEK 32,000–36,000 a month: under the EU pay transparency "
              "directive (2023/970) applicants are told it before the interview]",
    },
    "ph_process": {
        "sv": "[Beskriv rekryteringsprocessen och när kandidaterna får besked]",
        "en": "[Describe the recruitment process and when candidates will hear back]",
    },
    "ph_candidate_info": {
        "sv": "[Skriv när alla sökande får besked, även de som inte går vidare]",
        "en": "[Say when every applicant will hear back, also those who do not go further]",
    },
    "ph_contact": {
        "sv": "[Kontaktperson: namn, roll och telefonnummer eller e-postadress]",
        "en": "[Contact: name, role and phone number or e-mail address]",
    },
}


def text(table, key, lang, **params):
    """Look up ``table[key]`` in ``lang`` (normalized) and fill in ``params``."""
    template = table[key][normalize_lang(lang)]
    return template.format(**params) if params else template
