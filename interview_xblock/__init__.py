"""The interview-guide XBlock: from the learner's kravprofil to an interview guide and a scoring sheet."""
