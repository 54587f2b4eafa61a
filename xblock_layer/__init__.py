"""The shared XBlock layer of this project's blocks: XBlock and web plumbing, no recruitment domain code.

Modules (import what you use; importing the package imports nothing else):

- ``json_handlers``  strict JSON handlers (``strict_json_handler``) and input checks; 400/405/413 as JSON
- ``i18n``           gettext catalogue per block package (``Catalogue``), ``N_``, ``current_lang``
- ``rendering``      templates (Django engine, compact loader), static files, state as escaped JSON, element ids
- ``assets``         the block's CSS/JS on a fragment after the shared front-end module (``xblock_layer.js``)
- ``js_strings``     the shared front-end module's texts (sv/en) for the page's JSON
- ``downloads``      attachments (ASCII + UTF-8 file names, any extension), print pages; no-store, nosniff
- ``studio``         hardened Studio editing; field-kind checks shared with course_export
- ``revisions``      revisioned saves; 409 with the saved state on a conflict
- ``olx``            OLX export of authored fields only
- ``completion``     completion published once
- ``reports``        the report-row loop of ``generate_report_data``
- ``shared_fields``  ``user_info`` fields declared once (``kravprofil_shared``), keyed by course
- ``registry``       the project's block types (setup.py, course_export, benchmarks, tests)
- ``testing``        one test runtime and helpers for every block's tests

See docs/xblock-layer.md for how a block is built on it.
"""
