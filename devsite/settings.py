"""Workbench settings for local runs and tests.

Imports the xblock-sdk workbench settings, hides the SDK's sample blocks, keeps the database and log under
``var/`` of the working directory and offers Swedish (default) and English.
"""
import os

os.environ.setdefault("EXCLUDE_SAMPLE_XBLOCKS", "yes")

from workbench.settings import *  # noqa: E402,F401,F403  pylint: disable=wildcard-import,unused-wildcard-import

VAR_DIR = os.path.abspath(os.environ.get("WORKBENCH_VAR_DIR", "var"))
os.makedirs(VAR_DIR, exist_ok=True)

if "WORKBENCH_DATABASES" not in os.environ:
    DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": os.path.join(VAR_DIR, "workbench.db")}}
LOGGING["handlers"]["logfile"]["filename"] = os.path.join(VAR_DIR, "workbench.log")  # noqa: F405

LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", "Svenska"), ("en", "English")]
USE_I18N = True
if "django.middleware.locale.LocaleMiddleware" not in MIDDLEWARE:  # noqa: F405
    _i = MIDDLEWARE.index("django.contrib.sessions.middleware.SessionMiddleware") + 1  # noqa: F405
    MIDDLEWARE = [*MIDDLEWARE[:_i], "django.middleware.locale.LocaleMiddleware", *MIDDLEWARE[_i:]]  # noqa: F405

# Several people opening `make run` at once: row creation under a lock, scenarios warmed before the first request.
INSTALLED_APPS = [*INSTALLED_APPS, "devsite.apps.DevsiteConfig"]  # noqa: F405
MIDDLEWARE = [*MIDDLEWARE, "devsite.workbench_fixes.WarmScenariosMiddleware"]
