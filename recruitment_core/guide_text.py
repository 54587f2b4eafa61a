"""Bilingual strings for the interview guide, the scoring sheet and practice mode: one source for the block,
the Word documents and the print view.

Swedish first. Templates are ours and filled with ``str.format``; values may be learner text, so every result
is plain text (run text or ``textContent``), never HTML.
"""

from .lang import normalize_lang

GUIDE_TYPE_LABELS = {
    "interview": {"sv": "Intervjuguide", "en": "Interview guide"},
    "phone_screen": {"sv": "Telefonavstämning", "en": "Phone screen"},
    "reference_check": {"sv": "Referenstagning", "en": "Reference check"},
    "practice": {"sv": "Övning i bedömning", "en": "Rating practice"},
}

LABELS = {
    "role": {"sv": "Roll", "en": "Role"},
    "competency": {"sv": "Kompetens", "en": "Competency"},
    "competencies": {"sv": "Kompetenser", "en": "Competencies"},
    "must_haves": {"sv": "Skallkrav (ur kravprofilen)", "en": "Must-have requirements (from the requirement profile)"},
    "level_needed": {"sv": "Nivå som krävs", "en": "Level needed"},
    "question": {"sv": "Fråga", "en": "Question"},
    "questions": {"sv": "Frågor", "en": "Questions"},
    "own_question": {"sv": "Egen fråga", "en": "Own question"},
    "follow_ups": {"sv": "Följdfrågor (S-B-R)", "en": "Follow-up questions (S-B-R, STAR)"},
    "anchors": {"sv": "Bedömningsskala med beteendeankare", "en": "Behaviourally anchored rating scale"},
    "weak_signs": {"sv": "Tecken på ett svagt svar", "en": "Signs of a weak answer"},
    "notes": {"sv": "Anteckningar: vad kandidaten sa att hen gjorde", "en": "Notes: what the candidate said they did"},
    # A referee tells what the candidate did; a phone screen notes answers (notice period, pay, …), not deeds.
    "notes.reference_check": {"sv": "Anteckningar: vad referensen sa att kandidaten gjorde",
                              "en": "Notes: what the referee said the candidate did"},
    "notes.phone_screen": {"sv": "Anteckningar: kandidatens svar", "en": "Notes: the candidate's answer"},
    "note_for_interviewer": {"sv": "Tips", "en": "Tip"},
    "do_not_ask": {
        "sv": "Obs! Ställ inte frågan så här: den liknar en fråga som inte får ställas ({topics}). Stryk den eller "
              "formulera om den.",
        "en": "Note: do not ask this question as it stands: it looks like a question an interviewer must not ask "
              "({topics}). Remove or reword it."},
    "opening": {"sv": "Inledning", "en": "Opening"},
    "opening.who": {"sv": "Vilka som är med", "en": "Who is there"},
    "opening.agenda": {"sv": "Upplägg och tid", "en": "Agenda and time"},
    "opening.notes": {"sv": "Om anteckningar", "en": "About notes"},
    "candidate_questions": {"sv": "Kandidatens frågor", "en": "The candidate's questions"},
    "candidate_minutes": {"sv": "Minuter för kandidatens frågor", "en": "Minutes for the candidate's questions"},
    "closing": {"sv": "Avslutning", "en": "Closing"},
    "closing.next_steps": {"sv": "Nästa steg", "en": "Next steps"},
    "closing.hear_back": {"sv": "När kandidaten får besked", "en": "When the candidate will hear back"},
    "practicalities": {"sv": "Praktiska förutsättningar", "en": "Practicalities"},
    "practicalities.notice_period": {"sv": "Uppsägningstid", "en": "Notice period"},
    "practicalities.pay": {"sv": "Lön (lönespannet som gavs)", "en": "Pay (the range given)"},
    "practicalities.location": {"sv": "Placering", "en": "Location"},
    "practicalities.other": {"sv": "Övrigt", "en": "Other"},
    "scoring_sheet": {"sv": "Bedömningsmall", "en": "Scoring sheet"},
    "rating": {"sv": "Betyg (1–5)", "en": "Rating (1–5)"},
    "evidence": {"sv": "Belägg: vad kandidaten sa att hen gjorde", "en": "Evidence: what the candidate said they did"},
    "not_assessed": {"sv": "Inte bedömd", "en": "Not assessed"},
    "evidence_missing": {"sv": "Belägg saknas – skriv vad kandidaten sa att hen gjorde.",
                         "en": "No evidence – write what the candidate said they did."},
    "not_rated": {"sv": "Inget betyg ännu", "en": "Not rated yet"},
    "interviewer": {"sv": "Intervjuare", "en": "Interviewer"},
    "interviewers": {"sv": "Intervjuare", "en": "Interviewers"},
    "seniority": {"sv": "Senioritet (1 = minst, 5 = mest)", "en": "Seniority (1 = least, 5 = most)"},
    "consensus": {"sv": "Konsensusbedömning", "en": "Consensus rating"},
    "spread": {"sv": "Spridning", "en": "Spread"},
    "mean": {"sv": "Medel", "en": "Mean"},
    "talk_first": {"sv": "Prata först om", "en": "Talk first about"},
    "to_discuss": {"sv": "Att diskutera", "en": "To discuss"},
    "debrief_order": {"sv": "Ordning i genomgången", "en": "Debrief order"},
    "panel_rating": {"sv": "Panelens betyg", "en": "Panel rating"},
    "estimated": {"sv": "Beräknad tid: {minutes} minuter av {planned} planerade",
                  "en": "Estimated time: {minutes} minutes of {planned} planned"},
    "minutes": {"sv": "{minutes} min", "en": "{minutes} min"},
    "level_n": {"sv": "Nivå {level}", "en": "Level {level}"},
    "candidate": {"sv": "Kandidat", "en": "Candidate"},
    "date": {"sv": "Datum", "en": "Date"},
    "framework_levels": {"sv": "Ramverkets nivåer", "en": "The framework's levels"},
    "rate_alone": {
        "sv": "Sätt ditt betyg på varje kompetens ensam, direkt efter intervjun och innan ni pratar i panelen. "
              "Skriv vad kandidaten sa att hen gjorde som belägg. ”Inte bedömd” betyder att frågan inte "
              "ställdes eller inte gav underlag – det är inte en etta.",
        "en": "Rate each competency on your own, straight after the interview and before the panel talks. Write "
              "what the candidate said they did as evidence. “Not assessed” means the question was not asked or "
              "gave no evidence – it is not a 1."},
    "debrief_tip": {
        "sv": "Den som är minst senior berättar först och den mest seniora sist, så att ingen påverkar de "
              "andras bedömning innan de har sagt sin. Börja med de kompetenser där ni skiljer er mest.",
        "en": "The least senior person speaks first and the most senior last, so that no one anchors the others. "
              "Start with the competencies where you differ most."},
    "practice_case": {"sv": "Kandidatens svar", "en": "The candidate's answer"},
    "expert": {"sv": "Expertens betyg", "en": "Expert rating"},
    "you": {"sv": "Ditt betyg", "en": "Your rating"},
    "reasons": {"sv": "Motivering", "en": "Reasons"},
    "difference": {"sv": "Skillnad", "en": "Difference"},
    "possible_errors": {"sv": "Möjliga bedömningsfel", "en": "Possible rating errors"},
    "source_note": {
        "sv": "Strukturerade intervjuer förutsäger arbetsprestation ungefär dubbelt så bra som ostrukturerade: "
              "0,42 mot 0,19 (Sackett, Zhang, Berry & Lievens 2022).",
        "en": "Structured interviews predict job performance about twice as well as unstructured ones: 0.42 "
              "against 0.19 (Sackett, Zhang, Berry & Lievens 2022)."},
    "same_questions": {
        "sv": "Ställ samma frågor i samma ordning till alla kandidater. Fråga om en verklig situation från de "
              "senaste 2–3 åren och följ upp med situation – beteende – resultat.",
        "en": "Ask every candidate the same questions in the same order. Ask about a real situation from the last "
              "2–3 years and follow up with situation – behaviour – result (STAR)."},
    "reference_approval": {
        "sv": "Kontakta bara referenser som kandidaten känner till och har godkänt. Referenstagningen vilar på "
              "berättigat intresse; anteckna bara det som rör arbetet och spara det inte längre än det behövs.",
        "en": "Contact only referees the candidate knows about and has approved. Reference checks rest on "
              "legitimate interest; note only what concerns the work and keep it no longer than needed."},
    "phone_pay": {
        "sv": "Ge lönespannet före intervjun och fråga inte om nuvarande eller tidigare lön (EU:s "
              "lönetransparensdirektiv 2023/970).",
        "en": "Give the pay range before the interview and do not ask about current or previous pay (EU pay "
              "transparency directive 2023/970)."},
    "gdpr": {
        "sv": "Spara anteckningar och bedömningar bara så länge de behövs, till exempel så länge en sökande som "
              "inte fick jobbet kan väcka talan (”två år” är praxis, ingen regel).",
        "en": "Keep notes and ratings only as long as needed, for example while an unsuccessful applicant can "
              "still bring a claim (“two years” is common practice, not a rule)."},
}

# Default texts the learner starts from (the guide's opening and closing).
DEFAULTS = {
    "opening.who": {"sv": "Presentera alla som är med och vilken roll var och en har i intervjun.",
                    "en": "Introduce everyone present and the part each plays in the interview."},
    "opening.agenda": {
        "sv": "Berätta upplägget: först frågor om verkliga situationer du har varit med om, sedan dina frågor till "
              "oss. Intervjun tar ungefär {minutes} minuter.",
        "en": "Explain the format: first questions about real situations you have been in, then your questions "
              "for us. The interview takes about {minutes} minutes."},
    "opening.notes": {
        "sv": "Berätta att ni antecknar för att komma ihåg vad kandidaten säger och för att alla kandidater ska "
              "bedömas på samma sätt.",
        "en": "Say that you take notes to remember what the candidate says and so that every candidate is "
              "assessed in the same way."},
    "closing.next_steps": {
        "sv": "Berätta vilka steg som återstår, till exempel arbetsprov och referenstagning.",
        "en": "Describe the remaining steps, for example a work sample and reference check."},
    "closing.hear_back": {
        "sv": "Säg vilket datum kandidaten senast får besked, oavsett utfall, och håll det.",
        "en": "Say by which date the candidate will hear back, whatever the outcome, and keep to it."},
}

# The same texts for a phone screen and a reference call (keys "<guide type>:<field>"; others as above).
DEFAULTS.update({
    "phone_screen:opening.who": {"sv": "Presentera dig och din roll i rekryteringen.",
                                 "en": "Introduce yourself and your part in the recruitment."},
    "phone_screen:opening.agenda": {
        "sv": "Berätta att samtalet tar cirka {minutes} minuter: en kort beskrivning av rollen, några frågor och "
              "sedan kandidatens frågor.",
        "en": "Say that the call takes about {minutes} minutes: a short description of the role, a few questions "
              "and then the candidate's questions."},
    "phone_screen:closing.next_steps": {
        "sv": "Berätta om nästa steg, till exempel en intervju, och hur urvalet går till.",
        "en": "Describe the next step, for example an interview, and how the selection is made."},
    "reference_check:opening.who": {
        "sv": "Presentera dig, företaget och rollen kandidaten har sökt.",
        "en": "Introduce yourself, the company and the role the candidate has applied for."},
    "reference_check:opening.agenda": {
        "sv": "Säg att kandidaten känner till och har godkänt samtalet, och att det tar cirka {minutes} minuter.",
        "en": "Say that the candidate knows about and has approved the call, and that it takes about {minutes} "
              "minutes."},
    "reference_check:opening.notes": {
        "sv": "Berätta att du antecknar det som rör arbetet och att anteckningarna inte sparas längre än de behövs.",
        "en": "Say that you note what concerns the work and that the notes are kept no longer than needed."},
    "reference_check:closing.next_steps": {
        "sv": "Tacka för hjälpen och fråga om du får höra av dig igen om något behöver förtydligas.",
        "en": "Thank the referee and ask whether you may get back in touch if something needs clarifying."},
    "reference_check:closing.hear_back": {
        "sv": "Referensen får inget besked om utfallet; kandidaten får det.",
        "en": "The referee is not told the outcome; the candidate is."},
})


def default_text(guide_type, key, lang, **params):
    """The default text of ``key`` ("opening.agenda") for a guide of this type in ``lang``."""
    table = DEFAULTS.get(f"{guide_type}:{key}") or DEFAULTS[key]
    template = table[normalize_lang(lang)]
    return template.format(**params) if params else template


ADVICE = {
    "no_competencies": {
        "sv": "Välj de kompetenser som intervjun ska bedöma – helst 5–8 från kravprofilen.",
        "en": "Choose the competencies the interview will assess – preferably 5–8 from the requirement profile."},
    "too_many_competencies": {
        "sv": "{count} kompetenser är många för en intervju. Den amerikanska statliga personalmyndigheten (US "
              "OPM, 2008) rekommenderar 5–8; välj de viktigaste och bedöm resten i ett annat steg.",
        "en": "{count} competencies are a lot for one interview. US OPM (2008) recommends 5–8; choose the most "
              "important and assess the rest at another stage."},
    "competency_without_question": {
        "sv": "”{name}” saknar en fråga. Välj minst en fråga för varje kompetens du ska bedöma.",
        "en": "“{name}” has no question. Choose at least one question for each competency you will assess."},
    "not_in_profile": {
        "sv": "Fråga {number} gäller ”{name}”, som inte finns i kravprofilen. Bedöm bara det som jobbet kräver.",
        "en": "Question {number} is about “{name}”, which is not in the requirement profile. Assess only what "
              "the job requires."},
    "not_chosen": {
        "sv": "Fråga {number} gäller ”{name}”, som inte är en av de valda kompetenserna.",
        "en": "Question {number} is about “{name}”, which is not one of the chosen competencies."},
    "too_long": {
        "sv": "Guiden beräknas ta {minutes} minuter men ni har planerat {planned}. Ta bort en fråga eller planera "
              "mer tid, så att ni hinner följa upp varje svar.",
        "en": "The guide is estimated at {minutes} minutes but you have planned {planned}. Remove a question or "
              "plan more time, so that you can follow up every answer."},
    "unknown_question": {
        "sv": "Fråga {number} finns inte längre i frågebanken. Ta bort den eller skriv en egen.",
        "en": "Question {number} is no longer in the question bank. Remove it or write your own."},
    "duplicate_question": {
        "sv": "Fråga {number} finns redan tidigare i guiden.",
        "en": "Question {number} is already earlier in the guide."},
    "must_not_ask": {
        "sv": "Fråga {number} liknar en fråga som inte får ställas ({topic}): {why} I stället: {instead}",
        "en": "Question {number} looks like a question an interviewer must not ask ({topic}): {why} Instead: "
              "{instead}"},
    "wording": {
        "sv": "Fråga {number}: {message}",
        "en": "Question {number}: {message}"},
    "pay_history": {
        "sv": "Fråga {number} frågar om nuvarande eller tidigare lön. Ge i stället lönespannet och fråga om det "
              "stämmer med kandidatens förväntningar (EU:s lönetransparensdirektiv 2023/970).",
        "en": "Question {number} asks about current or previous pay. Give the pay range instead and ask whether it "
              "matches the candidate's expectations (EU pay transparency directive 2023/970)."},
    "no_must_have": {
        "sv": "Telefonavstämningen saknar en fråga om skallkraven.",
        "en": "The phone screen has no question about the must-have requirements."},
    "no_approval": {
        "sv": "Lägg till frågan till kandidaten om vilka referenser ni får kontakta: referenser kontaktas bara "
              "med kandidatens kännedom och godkännande.",
        "en": "Add the question to the candidate about which referees you may contact: referees are contacted "
              "only with the candidate's knowledge and approval."},
    "untagged_question": {
        "sv": "Fråga {number} saknar kompetens. Välj vilken kompetens frågan bedömer, så att den hamnar i "
              "bedömningsmallen.",
        "en": "Question {number} has no competency. Choose which competency it assesses, so that it is part of the "
              "scoring sheet."},
    "empty_question": {
        "sv": "Fråga {number} är tom.",
        "en": "Question {number} is empty."},
    "leading_question": {
        "sv": "Fråga {number} är ledande (”{match}”). Ställ en öppen fråga om en verklig situation i stället.",
        "en": "Question {number} is leading (“{match}”). Ask an open question about a real situation instead."},
}

RATING_ISSUES = {
    "no_evidence": {
        "sv": "{interviewer}: betyget på ”{name}” saknar belägg. Skriv vad kandidaten sa att hen gjorde.",
        "en": "{interviewer}: the rating of “{name}” has no evidence. Write what the candidate said they did."},
    "not_rated": {
        "sv": "{interviewer}: ”{name}” har inget betyg. Välj 1–5 eller ”Inte bedömd”.",
        "en": "{interviewer}: “{name}” has no rating. Choose 1–5 or “Not assessed”."},
}

CONSENSUS_TEXT = {
    "waiting": {"sv": "Väntar på att alla ska bli klara med sin bedömning: {names}.",
                "en": "Waiting for everyone to finish their own rating: {names}."},
    "need_two": {"sv": "Lägg till minst två intervjuare för att se en konsensusbedömning.",
                 "en": "Add at least two interviewers to see a consensus view."},
    "agree": {"sv": "Samstämmiga betyg.", "en": "The ratings agree."},
    "discuss": {"sv": "Diskutera: betygen skiljer sig med {spread} steg.",
                "en": "Discuss: the ratings differ by {spread} points."},
    "mixed": {"sv": "Diskutera: några har bedömt, andra inte ({names}).",
              "en": "Discuss: some rated it, others did not ({names})."},
    "none": {"sv": "Ingen har bedömt kompetensen.", "en": "Nobody assessed this competency."},
}

RATING_ERRORS = {
    "halo": {
        "name": {"sv": "Haloeffekt", "en": "Halo effect"},
        "text": {"sv": "Ett intryck färgar bedömningen av allt annat: betygen blir lika på alla kompetenser.",
                 "en": "One impression colours the rating of everything else: the ratings are alike on every "
                       "competency."}},
    "first_impression": {
        "name": {"sv": "Första intrycket", "en": "First impression"},
        "text": {"sv": "De första minuterna får för stor vikt jämfört med det kandidaten sedan berättar.",
                 "en": "The first minutes weigh too much compared with what the candidate says later."}},
    "confirmation": {
        "name": {"sv": "Bekräftelsefällan", "en": "Confirmation bias"},
        "text": {"sv": "Man letar efter belägg för det första intrycket och ser förbi det som talar emot.",
                 "en": "You hunt for evidence of the first impression and overlook what speaks against it."}},
    "similar_to_me": {
        "name": {"sv": "Lik mig-effekten", "en": "Similar-to-me"},
        "text": {"sv": "Den som liknar en själv, i bakgrund eller sätt, bedöms mildare.",
                 "en": "People like yourself, in background or manner, are rated more kindly."}},
    "contrast": {
        "name": {"sv": "Kontrasteffekten", "en": "Contrast effect"},
        "text": {"sv": "Kandidaten jämförs med den förra kandidaten i stället för med ankarna.",
                 "en": "The candidate is compared with the previous one instead of with the anchors."}},
    "central_tendency": {
        "name": {"sv": "Centraltendens", "en": "Central tendency"},
        "text": {"sv": "Alla betyg hamnar i mitten för att man inte tar ställning.",
                 "en": "Every rating lands in the middle because you do not take a position."}},
    "leniency": {
        "name": {"sv": "Mildhet", "en": "Leniency"},
        "text": {"sv": "Betygen blir genomgående högre än vad beläggen visar.",
                 "en": "The ratings are consistently higher than the evidence shows."}},
    "strictness": {
        "name": {"sv": "Stränghet", "en": "Strictness"},
        "text": {"sv": "Betygen blir genomgående lägre än vad beläggen visar.",
                 "en": "The ratings are consistently lower than the evidence shows."}},
}

PRACTICE_TEXT = {
    "match": {"sv": "Samma betyg som experten.", "en": "The same rating as the expert."},
    "close": {"sv": "Ett steg från experten – inom det vanliga.", "en": "One point from the expert – within the "
              "usual range."},
    "higher": {"sv": "Du gav {diff} steg högre än experten.", "en": "You rated {diff} points higher than the expert."},
    "lower": {"sv": "Du gav {diff} steg lägre än experten.", "en": "You rated {diff} points lower than the expert."},
    "you_na": {"sv": "Du bedömde inte kompetensen, men svaret gav experten underlag för ett betyg.",
               "en": "You did not assess this competency, but the answer gave the expert evidence for a rating."},
    "both_na": {"sv": "Som experten: svaret ger för lite underlag för ett betyg.",
                "en": "Like the expert: the answer gives too little evidence for a rating."},
    "expert_na": {"sv": "Du gav {score}, men experten fann för lite underlag för ett betyg: svaret visar inte vad "
                        "kandidaten har gjort. Ett betyg utan belägg bygger på intryck.",
                  "en": "You rated {score}, but the expert found too little evidence for a rating: the answer does "
                        "not show what the candidate has done. A rating without evidence rests on impressions."},
    "summary": {"sv": "Samma betyg som experten på {exact} av {compared} kompetenser, inom ett steg på {close}.",
                "en": "The same rating as the expert on {exact} of {compared} competencies, within one point on "
                      "{close}."},
}

ERRORS = {
    "type": {"sv": "fel typ av värde (väntade {expected})", "en": "wrong type of value (expected {expected})"},
    "unknown_key": {"sv": "okänt fält", "en": "unknown field"},
    "too_long": {"sv": "för lång text (högst {max} tecken)", "en": "text too long (at most {max} characters)"},
    "too_many": {"sv": "för många (högst {max})", "en": "too many (at most {max})"},
    "range": {"sv": "måste vara ett heltal {low}–{high}", "en": "must be a whole number {low}–{high}"},
    "score": {"sv": "betyget måste vara 1–5, ”na” (inte bedömd) eller tomt",
              "en": "the rating must be 1–5, “na” (not assessed) or empty"},
    "id": {"sv": "ogiltigt id", "en": "invalid id"},
    "too_large": {"sv": "guiden är för stor för att sparas ({size} byte, högst {max})",
                  "en": "the guide is too large to save ({size} bytes, at most {max})"},
    "duplicate_name": {"sv": "två intervjuare har samma namn", "en": "two interviewers have the same name"},
}


def text(table, key, lang, **params):
    """The localized string ``table[key]`` filled with ``params`` (plain text)."""
    template = table[key][normalize_lang(lang)]
    return template.format(**params) if params else template


def label(key, lang, **params):
    return text(LABELS, key, lang, **params)


def format_decimal(value, lang):
    """1.5 -> "1,5" in Swedish, "1.5" in English (one decimal, none for whole numbers)."""
    shown = f"{value:.1f}".rstrip("0").rstrip(".")
    return shown.replace(".", ",") if normalize_lang(lang) == "sv" else shown
