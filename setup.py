"""Competency-based recruitment for Open edX: XBlocks, shared domain code and a course exporter."""
import os
import runpy

from setuptools import find_namespace_packages, setup

# The block types live in one registry (xblock_layer/registry.py); read as a file, nothing needs to be installed.
REGISTRY = runpy.run_path(os.path.join(os.path.dirname(os.path.abspath(__file__)), "xblock_layer", "registry.py"))
BLOCK_PACKAGES = REGISTRY["block_packages"]()
SHIPPED = ("recruitment_core", "xblock_layer", *BLOCK_PACKAGES, "course_export")

setup(
    name="kompetensrekrytering-xblocks",
    version="0.1.0",
    description="Open edX XBlocks and a course builder for competency-based recruitment (kompetensbaserad rekrytering)",
    long_description=open("README.md", encoding="utf-8").read(),
    long_description_content_type="text/markdown",
    license="AGPL-3.0",
    python_requires=">=3.11",
    # Namespace discovery so the data folders (templates, static, locale, default course) ship as package data.
    packages=find_namespace_packages(include=[f"{name}*" for name in SHIPPED]),
    include_package_data=True,
    package_data={"xblock_layer": ["static/*/*", *REGISTRY["LOCALE_DATA"]],
                  **{name: list(REGISTRY["BLOCK_PACKAGE_DATA"]) for name in BLOCK_PACKAGES}},
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
        "rjsmin>=1.2",  # the blocks' JavaScript is minified when it is first loaded (no build step)
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
            "ruff>=0.6",  # lint (tox env "lint", ruff.toml)
        ],
    },
    entry_points={
        "xblock.v1": REGISTRY["entry_point_lines"](),
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
