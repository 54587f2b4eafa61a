"""The reflection journal XBlock (``reflection_journal``): prompts, entries with history, "Min loggbok"."""
