"""Run by tests/install inside the fresh venv (``python -I render_blocks.py DIST``), never in the test process.

Imports every ``xblock.v1`` entry point of the distribution DIST and renders each block's ``student_view`` once
on a minimal runtime (XBlock's TestRuntime with Django configured in memory, no database, no workbench).
Prints one JSON object: the versions it ran with and, per block, where its class was imported from and what the
fragment held.
"""
import json
import re
import sys
from importlib.metadata import distribution, version

import django
from django.conf import settings

settings.configure(
    USE_I18N=True, LANGUAGE_CODE="sv", LANGUAGES=[("sv", "Svenska"), ("en", "English")],
    INSTALLED_APPS=[], SECRET_KEY="install-test-only",  # nosec: an in-memory settings object for this script
)
django.setup()

from xblock.fields import ScopeIds  # noqa: E402  (Django must be configured first)
from xblock.runtime import DictKeyValueStore, KvsFieldData  # noqa: E402
from xblock.test.tools import TestRuntime  # noqa: E402


class MinimalRuntime(TestRuntime):
    """TestRuntime raises for URLs and events; a block may ask for them while rendering."""

    def handler_url(self, block, handler_name, suffix="", query="", thirdparty=False):
        return f"/handler/{block.scope_ids.usage_id}/{handler_name}/{suffix}"

    def local_resource_url(self, block, uri):
        return f"/resource/{block.scope_ids.block_type}/{uri}"

    def resource_url(self, resource):
        return "/static/" + resource

    def publish(self, block, event_type, event_data):
        pass


def render_all(dist_name):
    entry_points = sorted((ep for ep in distribution(dist_name).entry_points if ep.group == "xblock.v1"),
                          key=lambda ep: ep.name)
    result = {
        "python": sys.version.split()[0],
        "versions": {name: version(name) for name in ("XBlock", "Django", "web-fragments", "lxml", dist_name)},
        "blocks": [],
    }
    for ep in entry_points:
        cls = ep.load()
        runtime = MinimalRuntime(services={"field-data": KvsFieldData(DictKeyValueStore())})
        usage_id = runtime.parse_xml_string(f"<{ep.name}/>")
        def_id = runtime.id_reader.get_definition_id(usage_id)
        block = runtime.construct_xblock(ep.name, ScopeIds("student_1", ep.name, def_id, usage_id))
        frag = runtime.render(block, "student_view")
        result["blocks"].append({
            "name": ep.name,
            "class": f"{cls.__module__}.{cls.__qualname__}",
            "module_file": sys.modules[cls.__module__].__file__,
            "html_chars": len(frag.content or ""),
            "resources": [(res.kind, res.mimetype, len(res.data or "")) for res in frag.resources],
            # The runtime's wrapper carries the block type and the JavaScript init function as data- attributes.
            "wrapper": dict(re.findall(r" data-([a-z-]+)='([^']*)'", frag.content.split(">", 1)[0])),
        })
    return result


if __name__ == "__main__":
    print(json.dumps(render_all(sys.argv[1])))
