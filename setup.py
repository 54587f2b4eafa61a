"""Competency-based recruitment for Open edX: XBlocks, shared domain code and a course exporter."""
from setuptools import find_namespace_packages, setup

setup(
    name="kompetensrekrytering-xblocks",
    version="0.1.0",
    description="Open edX XBlocks and a course builder for competency-based recruitment (kompetensbaserad rekrytering)",
    long_description=open("README.md", encoding="utf-8").read(),
    long_description_content_type="text/markdown",
    license="AGPL-3.0",
    python_requires=">=3.11",
    # Namespace discovery so the data folders (templates, static, locale, default course) ship as package data.
    packages=find_namespace_packages(include=["recruitment_core*", "kravprofil_xblock*", "course_export*"]),
    include_package_data=True,
    install_requires=[
        # Open edX Ulmo pins XBlock 5.2 (Python 3.11), Verawood XBlock 6.0 (Python 3.12); both Django 5.2.
        # Ranges only: never a pin that would make pip replace what the platform pins (constraints/*.txt).
        "XBlock[django]>=5.2,<7",
        "Django>=5.2,<6",
        "web-fragments>=3.1",
        "python-docx>=1.1",
        "PyYAML>=6",
        "cmarkgfm>=2024.1",  # C CommonMark + GFM tables: ~15x faster than Python-Markdown for course builds
        "nh3>=0.2.17",
        "lxml>=5",
    ],
    extras_require={
        "dev": [
            "xblock-sdk>=0.14",  # 0.14.0 is the last for Python 3.11 / XBlock 5; 0.15 needs 3.12
            "pytest>=8",
            "pytest-django>=4.8",
            "playwright>=1.45",
            "olxcleaner>=0.3",
            "tox>=4",
            "Babel>=2.12",  # the catalogue tests read the .po files; make translations uses pybabel
        ],
    },
    entry_points={
        "xblock.v1": [
            "kravprofil = kravprofil_xblock.block:KravprofilXBlock",
        ],
        "console_scripts": [
            "course-export = course_export.cli:main",
        ],
    },
    classifiers=[
        "Framework :: Django",
        "Framework :: Django :: 5.2",
        "Programming Language :: Python :: 3.11",
        "Programming Language :: Python :: 3.12",
        "Natural Language :: Swedish",
    ],
)
