"""Local development site: the xblock-sdk workbench configured for this project's blocks."""
