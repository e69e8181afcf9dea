"""The static files' storage for make serve: whitenoise's compressed, hashed files."""

from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    # The map's script is a module that imports ./timeaxis.js: rewritten to the
    # hashed name too, so a new release never runs an old cached timeaxis.js
    # under a new map.js (Django leaves module imports alone by default).
    support_js_module_import_aggregation = True
