"""The kravprofil XBlock: a learner builds a requirement profile (kravprofil) and a job ad for a role."""
