"""A block of a few lines built on the layer (tests only; no entry point): strict handlers, i18n, a revisioned
save with completion, a download, report rows, hardened Studio editing and the page for the shared autosave
come from ``xblock_layer``."""
from web_fragments.fragment import Fragment
from xblock.core import XBlock
from xblock.fields import Scope, String

from xblock_layer.assets import LayerAssetsMixin, add_assets, layer_page_data
from xblock_layer.completion import CompletionOnceMixin
from xblock_layer.downloads import attachment
from xblock_layer.i18n import N_, Catalogue, CatalogueMixin, current_lang
from xblock_layer.js_strings import layer_js_strings
from xblock_layer.json_handlers import refuse_method, require_dict, require_str, strict_json_handler
from xblock_layer.olx import AuthoredOlxMixin
from xblock_layer.rendering import PackageFiles, element_id, safe_script_json
from xblock_layer.reports import ReportRowsMixin
from xblock_layer.revisions import RevisionedSaveMixin
from xblock_layer.studio import StudioEditingMixin

FILES = PackageFiles(__package__)
MAX_CHARS = 500
TEXTS = {"title": N_("Your note"), "label": N_("Note"), "download": N_("Download the note")}


class LayerDemoBlock(RevisionedSaveMixin, CompletionOnceMixin, ReportRowsMixin, CatalogueMixin, AuthoredOlxMixin,
                     LayerAssetsMixin, StudioEditingMixin, XBlock):
    """One note per learner."""

    catalogue = Catalogue.for_package(__file__)
    state_name = "note"
    display_name = String(default="Demo", scope=Scope.settings)
    note = String(default="", scope=Scope.user_state)
    editable_fields = ("display_name",)

    def student_view(self, context=None):
        lang = current_lang()
        data = {"note": self.note, **self.revision_state(), **layer_page_data(self),
                "strings": layer_js_strings(lang)}
        html = FILES.render("layer_demo.html", {
            "uid": element_id(self.scope_ids.usage_id, "ld"), "lang": lang, "max_chars": MAX_CHARS,
            "t": self.catalogue.translate_dict(TEXTS, lang), "data_json": safe_script_json(data)})
        script = ("static/js/layer_demo.js",) if FILES.path("static/js/layer_demo.js").is_file() else ()
        frag = add_assets(Fragment(html), FILES, js=script)
        if script:
            frag.initialize_js("LayerDemoBlock")
        return frag

    @XBlock.handler
    @strict_json_handler(max_bytes=4_000)
    def save_note(self, data, suffix=""):
        data = require_dict(data, allowed_keys={"note", "revision"}, required_keys=("note", "revision"))
        base = self.base_revision(data)
        note = require_str(data["note"], "note", MAX_CHARS)
        self.commit_revision(base)
        self.note = note
        self.publish_completion_once(bool(note.strip()))
        return self.revision_state()

    @XBlock.handler
    def download_note(self, request, suffix=""):
        refused = refuse_method(self, request)
        if refused is not None:
            return refused
        return attachment(self.note.encode("utf-8"), "text/plain; charset=utf-8", "anteckning " + self.display_name,
                          "anteckning", extension="txt")

    def report_row(self, state):
        return {"characters": len(state["note"])} if state.get("note") else None

    @staticmethod
    def workbench_scenarios():
        return [("Layer demo (test block)", '<vertical_demo><layer_demo display_name="Min övning"/></vertical_demo>')]
