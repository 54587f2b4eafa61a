"""OLX export of a block: its authored fields only.

An XBlock writes its fields as attributes when a course is exported; some runtimes hand it learner-scoped values
too. ``AuthoredOlxMixin`` keeps only content and settings fields, so a course export never carries a learner's
state (put it before ``XBlock`` in the bases).
"""
from xblock.fields import Scope


class AuthoredOlxMixin:
    """``add_xml_to_node`` writing content and settings fields only."""

    def add_xml_to_node(self, node):
        """OLX export: the content and settings fields only (never a learner's state, whatever the runtime)."""
        super().add_xml_to_node(node)
        for name, field in self.fields.items():
            if field.scope not in (Scope.content, Scope.settings):
                node.attrib.pop(name, None)
