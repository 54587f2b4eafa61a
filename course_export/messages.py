"""Every message the exporter shows a person, in English and Swedish.

Each entry is (problem, what to do) per language; ``{name}`` placeholders take the error's params.
"""

MESSAGES = {
    "no_course_file": {
        "en": ("no {name} found in this folder", "give the folder of a course source, with {name} at its top"),
        "sv": ("ingen {name} finns i mappen", "ange mappen med kurskällan, med {name} överst"),
    },
    "not_utf8": {
        "en": ("the file is not UTF-8 text (byte {byte} on this line)", "save the file with UTF-8 encoding"),
        "sv": ("filen är inte UTF-8-text (byte {byte} på raden)", "spara filen med teckenkodningen UTF-8"),
    },
    "yaml_syntax": {
        "en": ("broken YAML: {detail}", "fix the indentation, colons or quotes on this line or the one above"),
        "sv": ("trasig YAML: {detail}", "rätta indrag, kolon eller citattecken på raden eller raden ovanför"),
    },
    "yaml_tab": {
        "en": ("broken YAML: the line is indented with a tab character",
               "indent with spaces (YAML does not allow tabs there)"),
        "sv": ("trasig YAML: raden är indragen med ett tabbtecken",
               "dra in med mellanslag (YAML tillåter inte tabbar där)"),
    },
    "yaml_quote": {
        "en": ("broken YAML: a quotation mark opened on this line is never closed",
               "end the text with the same quotation mark"),
        "sv": ("trasig YAML: ett citattecken som öppnas på den här raden stängs aldrig",
               "avsluta texten med samma citattecken"),
    },
    "yaml_bracket": {
        "en": ("broken YAML: a [ or {{ opened on this line is not closed",
               "close the list with ] (or {{ with }}), or put a text that starts with [ or {{ in quotes"),
        "sv": ("trasig YAML: en hakparentes [ eller klammerparentes {{ som öppnas på den här raden stängs inte",
               "avsluta listan med ] (eller {{ med }}), eller sätt en text som börjar med [ eller {{ inom citattecken"),
    },
    "yaml_colon": {
        "en": ("broken YAML: a colon followed by a space is read as a new field here",
               "put a text that contains ': ' in quotes (title: \"Film: del 1\"), or fix the indentation"),
        "sv": ("trasig YAML: ett kolon följt av mellanslag läses här som ett nytt fält",
               "sätt en text som innehåller ': ' inom citattecken (title: \"Film: del 1\") eller rätta indraget"),
    },
    "yaml_indent": {
        "en": ("broken YAML: the indentation does not match the lines above",
               "give lines on the same level the same number of spaces; a list item starts with '- '"),
        "sv": ("trasig YAML: indraget stämmer inte med raderna ovanför",
               "ge rader på samma nivå lika många mellanslag; en listpost börjar med '- '"),
    },
    "yaml_bad_character": {
        "en": ("the file contains the control character {code}", "remove it and save the file as plain UTF-8 text"),
        "sv": ("filen innehåller styrtecknet {code}", "ta bort det och spara filen som vanlig UTF-8-text"),
    },
    "empty_yaml": {
        "en": ("there is nothing here (empty YAML)", "write the fields this file needs (see the README)"),
        "sv": ("här finns ingenting (tom YAML)", "skriv de fält som filen behöver (se README)"),
    },
    "yaml_duplicate_key": {
        "en": ("the key '{key}' appears twice", "keep one of them (YAML would silently use the last one)"),
        "sv": ("nyckeln '{key}' finns två gånger", "behåll en av dem (YAML skulle tyst använda den sista)"),
    },
    "front_matter_missing": {
        "en": ("the article has no front matter", "start the file with a line '---', then 'title: …', then '---'"),
        "sv": ("artikeln saknar inledande metadata (front matter)",
               "börja filen med raden '---', sedan 'title: …' och sedan '---'"),
    },
    "front_matter_unclosed": {
        "en": ("the front matter is not closed", "end it with a line containing only '---'"),
        "sv": ("den inledande metadatan avslutas aldrig", "avsluta den med en rad som bara innehåller '---'"),
    },
    "article_empty": {
        "en": ("the article has no text after its front matter", "write the article below the closing '---'"),
        "sv": ("artikeln har ingen text efter metadatan", "skriv artikeln under den avslutande raden '---'"),
    },
    "not_mapping": {
        "en": ("the {what} must be a mapping of 'key: value' lines", "write it as key: value pairs"),
        "sv": ("{what} ska vara en samling rader 'nyckel: värde'", "skriv den som nyckel: värde-par"),
    },
    "unknown_field": {
        "en": ("unknown field '{field}'", "remove it or fix the spelling; allowed here: {allowed}"),
        "sv": ("okänt fält '{field}'", "ta bort det eller rätta stavningen; tillåtna här: {allowed}"),
    },
    "missing_field": {
        "en": ("the {what} lacks the required field '{field}'", "add '{field}: …'"),
        "sv": ("{what} saknar det obligatoriska fältet '{field}'", "lägg till '{field}: …'"),
    },
    "wrong_type": {
        "en": ("'{field}' has the wrong kind of value", "give {expected}"),
        "sv": ("'{field}' har fel sorts värde", "ange {expected}"),
    },
    "out_of_range": {
        "en": ("'{field}' is out of range", "use a value from {low} to {high}"),
        "sv": ("'{field}' ligger utanför det tillåtna", "ange ett värde från {low} till {high}"),
    },
    "bad_choice": {
        "en": ("'{value}' is not a valid {field}", "use one of: {allowed}"),
        "sv": ("'{value}' är inte ett giltigt värde för {field}", "använd något av: {allowed}"),
    },
    "quiz_duplicate_choice": {
        "en": ("question '{question}' has the alternative '{text}' twice", "give each alternative its own text"),
        "sv": ("fråga '{question}' har alternativet '{text}' två gånger", "ge varje alternativ en egen text"),
    },
    "quiz_wrong_is_accepted": {
        "en": ("question '{question}': the wrong answer '{text}' is also an accepted answer",
               "remove it from 'wrong_answers' or from 'answers'"),
        "sv": ("fråga '{question}': det felaktiga svaret '{text}' finns också bland de godtagna svaren",
               "ta bort det ur 'wrong_answers' eller ur 'answers'"),
    },
    "empty_text": {
        "en": ("'{field}' is empty", "write a text after '{field}:'"),
        "sv": ("'{field}' är tomt", "skriv en text efter '{field}:'"),
    },
    "empty_list": {
        "en": ("'{field}' is empty", "add at least one item"),
        "sv": ("'{field}' är tom", "lägg till minst en post"),
    },
    "bad_id": {
        "en": ("'{id}' is not a valid id", "use lower-case a-z, digits, '_' and '-' (at most 60, e.g. 'film_intro')"),
        "sv": ("'{id}' är inte ett giltigt id",
               "använd små bokstäver a-z, siffror, '_' och '-' (högst 60 tecken, t.ex. 'film_intro')"),
    },
    "bad_stem_id": {
        "en": ("no id can be made from the file name '{name}'",
               "add 'id: …' to the component or rename the file to a-z, 0-9, '_' and '-'"),
        "sv": ("filnamnet '{name}' kan inte bli ett id",
               "lägg till 'id: …' på komponenten eller döp om filen till a-z, 0-9, '_' och '-'"),
    },
    "duplicate_id": {
        "en": ("the id '{id}' is already used at {other}", "give every module, lesson, component and question its own id"),
        "sv": ("id:t '{id}' används redan på {other}", "ge varje modul, lektion, komponent och fråga ett eget id"),
    },
    "duplicate_stem_id": {
        "en": ("the id '{id}' (from the file name '{name}') is already used at {other}",
               "add 'id: …' with an id of its own to this component"),
        "sv": ("id:t '{id}' (från filnamnet '{name}') används redan på {other}",
               "lägg till 'id: …' med ett eget id på den här komponenten"),
    },
    "url_name_clash": {
        "en": ("two blocks would get the url_name '{name}' ({first} and {second})",
               "rename one of the ids (generated names add '_unit' and '_intro')"),
        "sv": ("två block skulle få url_name '{name}' ({first} och {second})",
               "byt id på det ena (genererade namn får tilläggen '_unit' och '_intro')"),
    },
    "component_kind": {
        "en": ("a component needs exactly one kind", "write one of: {kinds} (with the file path), optionally 'id:'"),
        "sv": ("en komponent ska ha exakt en sort", "skriv en av: {kinds} (med filens sökväg), eventuellt 'id:'"),
    },
    "bad_course_key": {
        "en": ("'{field}' = '{value}' contains characters Open edX does not accept",
               "use letters A-Z, digits, '_', '.' and '-' (at most 60)"),
        "sv": ("'{field}' = '{value}' innehåller tecken som Open edX inte godtar",
               "använd bokstäverna A-Z, siffror, '_', '.' och '-' (högst 60)"),
    },
    "bad_date": {
        "en": ("'{field}' = '{value}' is not a date", "write it as 2026-01-15 or 2026-01-15T08:00:00Z"),
        "sv": ("'{field}' = '{value}' är inget datum", "skriv det som 2026-01-15 eller 2026-01-15T08:00:00Z"),
    },
    "end_before_start": {
        "en": ("the course ends ({end}) before it starts ({start})", "move the end date after the start date"),
        "sv": ("kursen slutar ({end}) innan den börjar ({start})", "flytta slutdatumet till efter startdatumet"),
    },
    "end_in_past": {
        "en": ("the course end date {end} has already passed: the course would be closed when it is imported",
               "remove 'end' (a course without an end date stays open) or set a future date"),
        "sv": ("kursens slutdatum {end} har redan passerat: kursen skulle vara stängd när den importeras",
               "ta bort 'end' (en kurs utan slutdatum förblir öppen) eller ange ett framtida datum"),
    },
    "about_line": {
        "en": ("'{field}' must be one short line (at most {max} characters), as in Studio's settings",
               "shorten it, e.g. '2 hours a week' or '4 weeks'"),
        "sv": ("'{field}' ska vara en kort rad (högst {max} tecken), som i Studios inställningar",
               "korta texten, t.ex. '2 timmar i veckan' eller '4 veckor'"),
    },
    "path_empty": {
        "en": ("the file path is empty", "write the path of the file, relative to this file"),
        "sv": ("sökvägen är tom", "skriv filens sökväg, relativt den här filen"),
    },
    "path_backslash": {
        "en": ("'{path}' separates folders with '\\'", "use '/' between folders, e.g. static/bild.png"),
        "sv": ("'{path}' skiljer mappar åt med '\\'", "använd '/' mellan mappar, t.ex. static/bild.png"),
    },
    "path_absolute": {
        "en": ("'{path}' is an absolute path", "use a path relative to the source folder, with '/'"),
        "sv": ("'{path}' är en absolut sökväg", "använd en sökväg relativt källmappen, med '/'"),
    },
    "path_outside": {
        "en": ("'{path}' lies outside the source folder (through '..' or a link)",
               "copy the file into the source folder and refer to it there"),
        "sv": ("'{path}' ligger utanför källmappen (via '..' eller en länk)",
               "kopiera filen in i källmappen och hänvisa till den där"),
    },
    "file_missing": {
        "en": ("the file '{path}' does not exist", "check the spelling of the path or add the file"),
        "sv": ("filen '{path}' finns inte", "kontrollera stavningen av sökvägen eller lägg till filen"),
    },
    "path_not_file": {
        "en": ("'{path}' is not a file", "refer to a file, not a folder"),
        "sv": ("'{path}' är ingen fil", "hänvisa till en fil, inte en mapp"),
    },
    "ref_article_not_in_course": {
        "en": ("the link '{ref}' points to an article that is not in the course",
               "add it as 'article:' to a lesson in course.yaml, or remove the link"),
        "sv": ("länken '{ref}' pekar på en artikel som inte finns med i kursen",
               "lägg till den som 'article:' i en lektion i course.yaml eller ta bort länken"),
    },
    "ref_outside_static": {
        "en": ("the link '{ref}' points to a file outside static/", "move the file into static/ and link to it there"),
        "sv": ("länken '{ref}' pekar på en fil utanför static/", "flytta filen till static/ och länka dit"),
    },
    "static_hidden": {
        "en": ("'{ref}' is a hidden file (its name starts with '.'), which the course leaves out",
               "rename the file so that its name does not start with '.'"),
        "sv": ("'{ref}' är en dold fil (namnet börjar med '.') och kommer inte med i kursen",
               "döp om filen så att namnet inte börjar med '.'"),
    },
    "static_link_missing": {
        "en": ("'{ref}' is not a file in static/", "add the file to static/ or fix the link"),
        "sv": ("'{ref}' finns inte i static/", "lägg filen i static/ eller rätta länken"),
    },
    "jump_target_missing": {
        "en": ("the link '{ref}' is not a block of this course",
               "write an id from course.yaml (module, lesson, component; a unit is '<id>_unit') or link to the "
               "article's .md file"),
        "sv": ("länken '{ref}' leder inte till något block i kursen",
               "skriv ett id från course.yaml (modul, lektion, komponent; en enhet är '<id>_unit') eller länka "
               "till artikelns .md-fil"),
    },
    "static_bad_name": {
        "en": ("the static file name '{name}' has characters Open edX rewrites",
               "rename it using only A-Z, a-z, 0-9, '_', '.' and '-' (no spaces or å, ä, ö)"),
        "sv": ("filnamnet '{name}' i static/ har tecken som Open edX skriver om",
               "döp om den med bara A-Z, a-z, 0-9, '_', '.' och '-' (inga mellanslag eller å, ä, ö)"),
    },
    "static_name_clash": {
        "en": ("the static file name '{name}' is already used ({other})", "rename one of the files or ids"),
        "sv": ("filnamnet '{name}' i static/ används redan ({other})", "döp om en av filerna eller ett av id:na"),
    },
    "field_not_for_type": {
        "en": ("'{field}' does not apply to a {type} question", "remove it, or change the question type"),
        "sv": ("'{field}' hör inte till en fråga av typen {type}", "ta bort fältet eller byt frågetyp"),
    },
    "quiz_no_correct": {
        "en": ("question '{question}' ({type}) has no correct answer",
               "mark a choice with 'correct: true' (short_text: list 'answers')"),
        "sv": ("fråga '{question}' ({type}) saknar rätt svar",
               "markera ett alternativ med 'correct: true' (short_text: lista 'answers')"),
    },
    "quiz_many_correct": {
        "en": ("question '{question}' ({type}) has more than one correct choice",
               "keep one correct choice, or use type 'checkboxes'"),
        "sv": ("fråga '{question}' ({type}) har mer än ett rätt alternativ",
               "behåll ett rätt alternativ eller använd typen 'checkboxes'"),
    },
    "quiz_few_choices": {
        "en": ("question '{question}' has fewer than two choices", "give at least two choices"),
        "sv": ("fråga '{question}' har färre än två alternativ", "ange minst två alternativ"),
    },
    "bad_youtube_id": {
        "en": ("'{value}' is not a YouTube video id", "give the 11 characters after 'v=' in the video's address"),
        "sv": ("'{value}' är inget YouTube-id", "ange de 11 tecknen efter 'v=' i videons adress"),
    },
    "bad_url": {
        "en": ("'{field}' = '{value}' is not an https address", "give the full https://… address of the file"),
        "sv": ("'{field}' = '{value}' är ingen https-adress", "ange filens fullständiga https://…-adress"),
    },
    "media_both_sources": {
        "en": ("both youtube_id and mp4 are given", "keep one media source"),
        "sv": ("både youtube_id och mp4 är angivna", "behåll en mediekälla"),
    },
    "media_both_transcripts": {
        "en": ("both cues and a transcript file are given", "keep one of them"),
        "sv": ("både cues och en undertextfil är angivna", "behåll en av dem"),
    },
    "media_unknown_id": {
        "en": ("the media file names a {kind} '{id}' that the course does not have",
               "use the component id from course.yaml (or the file name without extension)"),
        "sv": ("mediefilen nämner {kind} '{id}' som inte finns i kursen",
               "använd komponentens id från course.yaml (eller filnamnet utan filändelse)"),
    },
    "cue_bad_time": {
        "en": ("the cue times {start} -> {end} are not valid", "give start < end, in order, e.g. '00:01:02.5'"),
        "sv": ("tiderna {start} -> {end} är ogiltiga", "ange start < slut i tidsordning, t.ex. '00:01:02.5'"),
    },
    "srt_bad_block": {
        "en": ("this is not a valid .srt cue", "use: number, '00:00:01,000 --> 00:00:04,000', text, blank line"),
        "sv": ("detta är ingen giltig .srt-textruta", "använd: nummer, '00:00:01,000 --> 00:00:04,000', text, tomrad"),
    },
    "strict_no_media": {
        "en": ("this {kind} has no media source (--strict)", "add it to the media file, or build without --strict"),
        "sv": ("{kind} saknar mediekälla (--strict)", "lägg till den i mediefilen eller bygg utan --strict"),
    },
    "block_unknown_type": {
        "en": ("'{type}' is not a block type of this project (known: {known})", "fix the type"),
        "sv": ("'{type}' är ingen blocktyp i det här projektet (kända: {known})", "rätta typen"),
    },
    "block_not_installed": {
        "en": ("the course uses the block type '{type}', but its XBlock package is not installed here, so its "
               "settings cannot be checked (on a server without it the block imports hidden)",
               "install the package that provides '{type}' (pip install), or build with --allow-missing-blocks "
               "to write the settings unchecked"),
        "sv": ("kursen använder blocktypen '{type}', men dess XBlock-paket är inte installerat här, så "
               "inställningarna kan inte kontrolleras (på en server utan paketet importeras blocket dolt)",
               "installera paketet som ger '{type}' (pip install) eller bygg med --allow-missing-blocks för att "
               "skriva inställningarna okontrollerade"),
    },
    "block_not_installed_skipped": {
        "en": ("the block type '{type}' is not installed here: its settings are written UNCHECKED "
               "(--allow-missing-blocks)",
               "check the block in Studio after the import; the server must have its package installed"),
        "sv": ("blocktypen '{type}' är inte installerad här: inställningarna skrivs OKONTROLLERADE "
               "(--allow-missing-blocks)",
               "kontrollera blocket i Studio efter importen; servern måste ha paketet installerat"),
    },
    "block_field_type": {
        "en": ("the block setting '{field}' has the wrong kind of value", "give a value of kind {expected}"),
        "sv": ("blockinställningen '{field}' har fel sorts värde", "ange ett värde av sorten {expected}"),
    },
    "block_setting_invalid": {
        "en": ("the {type} block refuses its settings: {detail}", "correct the setting (Studio would refuse it too)"),
        "sv": ("blocket {type} godtar inte inställningarna: {detail}",
               "rätta inställningen (Studio skulle också neka den)"),
    },
    "framework_pages_unavailable": {
        "en": ("the framework and question pages cannot be made: {detail}",
               "install the project package (recruitment_core) on this machine"),
        "sv": ("sidorna med ramverket och frågorna kan inte skapas: {detail}",
               "installera projektets paket (recruitment_core) på den här datorn"),
    },
    "framework_invalid": {
        "en": ("the framework cannot be used: {field}: {detail}",
               "fix it (the format is described in recruitment_core/framework.py), or remove 'framework:' from {pages}"),
        "sv": ("ramverket kan inte användas: {field}: {detail}",
               "rätta det (formatet beskrivs i recruitment_core/framework.py) eller ta bort 'framework:' ur {pages}"),
    },
    "framework_pages_left_out": {
        "en": ("{count} questions of the question bank are left out: their competencies are not in this "
               "framework ({ids})", "add those competencies to the framework if the questions should be shown"),
        "sv": ("{count} frågor i frågebanken visas inte: deras kompetenser finns inte i det här ramverket ({ids})",
               "lägg till de kompetenserna i ramverket om frågorna ska visas"),
    },
    "listed_twice": {
        "en": ("'{value}' is listed twice in {field}", "list it once"),
        "sv": ("'{value}' står två gånger i {field}", "skriv det en gång"),
    },
    "templates_unavailable": {
        "en": ("the Word templates cannot be made: {detail}",
               "install the project package (recruitment_core.documents) on this machine"),
        "sv": ("Word-mallarna kan inte skapas: {detail}",
               "installera projektpaketet (recruitment_core.documents) på den här datorn"),
    },
    "grader_unknown": {
        "en": ("the lesson is graded as '{format}' but no grader has that type",
               "add a grader with 'type: {format}' under grading.graders or fix the spelling"),
        "sv": ("lektionen bedöms som '{format}' men ingen bedömningsgrupp har den typen",
               "lägg till 'type: {format}' under grading.graders eller rätta stavningen"),
    },
    "graded_no_score": {
        "en": ("the lesson is graded as '{format}' but contains nothing with a score (only a quiz question with "
               "a weight above 0, or a block that reports a score, can be graded)",
               "add a quiz to the lesson, or remove 'graded:' (the LMS would count it as 0 points and nobody "
               "could pass)"),
        "sv": ("lektionen bedöms som '{format}' men innehåller inget som ger poäng (bara en quizfråga med "
               "vikt över 0, eller ett block som rapporterar poäng, kan bedömas)",
               "lägg till ett quiz i lektionen eller ta bort 'graded:' (LMS:en skulle räkna den som 0 poäng "
               "och ingen skulle kunna bli godkänd)"),
    },
    "quiz_inline_only": {
        "en": ("this quiz text has block Markdown (a list, heading, quote or several paragraphs)",
               "use inline Markdown only here (emphasis, links, code); longer text belongs in 'intro' or "
               "'explanation'"),
        "sv": ("quiztexten har blockmarkdown (en lista, rubrik, citat eller flera stycken)",
               "använd bara inline-markdown här (kursiv, fetstil, länkar, kod); längre text hör hemma i 'intro' "
               "eller 'explanation'"),
    },
    "anchor_missing": {
        "en": ("the link '{ref}' names a heading the article does not have (its headings: {known})",
               "write the heading's anchor: lower case, spaces as '-', punctuation left out"),
        "sv": ("länken '{ref}' pekar på en rubrik som artikeln inte har (dess rubriker: {known})",
               "skriv rubrikens ankare: gemener, mellanslag som '-', skiljetecken utelämnade"),
    },
    "grader_unused": {
        "en": ("the grader '{type}' has no graded lesson", "mark a lesson 'graded: {type}' or remove the grader"),
        "sv": ("bedömningsgruppen '{type}' har ingen bedömd lektion",
               "markera en lektion med 'graded: {type}' eller ta bort gruppen"),
    },
    "grader_duplicate": {
        "en": ("the grader type '{type}' appears twice", "merge the two graders"),
        "sv": ("bedömningsgruppen '{type}' finns två gånger", "slå ihop de två grupperna"),
    },
    "grader_drop": {
        "en": ("the grader '{type}' drops as many lessons as it has ({count})", "lower drop_count"),
        "sv": ("bedömningsgruppen '{type}' stryker lika många lektioner som den har ({count})", "sänk drop_count"),
    },
    "grader_weights": {
        "en": ("the grader weights add up to {total}, not 1", "adjust the weights so they sum to 1"),
        "sv": ("bedömningsgruppernas vikter summerar till {total}, inte 1", "justera vikterna så att summan blir 1"),
    },
}

UI = {
    "errors_found": {"en": "{count} problem(s) in the source; nothing was written.",
                     "sv": "{count} problem i källan; ingenting skrevs."},
    "errors_found_validate": {"en": "{count} problem(s) in the source.", "sv": "{count} problem i källan."},
    "source_ok": {"en": "The source is valid.", "sv": "Källan är giltig."},
    "reading": {"en": "Reading {source} …", "sv": "Läser {source} …"},
    "writing": {"en": "Writing OLX …", "sv": "Skriver OLX …"},
    "packing": {"en": "Packing {output} …", "sv": "Packar {output} …"},
    "done": {"en": "Done: {output}", "sv": "Klart: {output}"},
    "summary": {
        "en": ("Modules: {modules}  Units: {units}  Articles: {articles}\n"
               "Films: {films} (with media {films_media}, without {films_no_media})\n"
               "Quizzes: {quizzes} ({questions} questions)  Podcasts: {podcasts} (with media {podcasts_media})\n"
               "Reflection exercises: {reflections}  Templates: {templates}  Custom blocks: {blocks}\n"
               "Framework and question pages: {framework_pages}"),
        "sv": ("Moduler: {modules}  Enheter: {units}  Artiklar: {articles}\n"
               "Filmer: {films} (med media {films_media}, utan {films_no_media})\n"
               "Quiz: {quizzes} ({questions} frågor)  Poddavsnitt: {podcasts} (med media {podcasts_media})\n"
               "Reflektionsövningar: {reflections}  Mallar: {templates}  Egna block: {blocks}\n"
               "Sidor med ramverk och frågor: {framework_pages}"),
    },
    "warning": {"en": "warning: {text}", "sv": "varning: {text}"},
    "archive_size": {"en": "Archive size: {size}", "sv": "Arkivets storlek: {size}"},
    "output_suffix": {"en": "the output file must end with .tar.gz", "sv": "utfilen måste sluta på .tar.gz"},
    "output_dir": {"en": "the folder of the output file does not exist: {folder}",
                   "sv": "utfilens mapp finns inte: {folder}"},
    "output_is_dir": {"en": "{output} is a folder; name the archive file, e.g. {output}/kurs.tar.gz",
                      "sv": "{output} är en mapp; ange arkivfilens namn, t.ex. {output}/kurs.tar.gz"},
    "output_in_source": {"en": "the output file must not be inside the source folder",
                         "sv": "utfilen får inte ligga i källmappen"},
}


# Words that fill {what}, {expected} and {kind} placeholders, in Swedish.
TERMS_SV = {
    "course": "kursen", "module": "modulen", "lesson": "lektionen", "component": "komponenten",
    "quiz": "quizet", "question": "frågan", "choice": "alternativet", "wrong answer": "felsvaret",
    "film": "filmen", "podcast": "poddavsnittet", "media": "medieposten", "media file": "mediefilen",
    "cue": "textrutan", "grading": "bedömningen", "grader": "bedömningsgruppen",
    "front matter": "metadatan", "reflection exercise": "reflektionsövningen",
    "templates page": "mallsidan", "block": "blocket", "framework pages file": "filen med ramverkssidor",
    "text": "text", "integer": "ett heltal", "number": "ett tal", "true/false": "true eller false",
    "list": "en lista", "mapping": "en samling nyckel: värde",
}


def _localize_params(params, lang):
    result = {name: (value.get(lang, value.get("sv")) if isinstance(value, dict) and "sv" in value else value)
              for name, value in params.items()}
    if lang != "sv":
        return result
    for name in ("what", "expected", "kind"):
        value = result.get(name)
        if isinstance(value, str):
            result[name] = " / ".join(TERMS_SV.get(part, part) for part in value.split(" / "))
    return result


def render_message(key, params, lang="sv"):
    entry = MESSAGES.get(key)
    if entry is None:
        return key, ""
    params = _localize_params(params, lang)
    problem, fix = entry.get(lang, entry["sv"])
    try:
        return problem.format(**params), fix.format(**params)
    except (KeyError, IndexError):
        return problem, fix


def ui(key, lang="sv", **params):
    entry = UI[key]
    return entry.get(lang, entry["sv"]).format(**params)
