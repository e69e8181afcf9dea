# The two commands a new machine needs (see README.md):
#   make run    set everything up, ingest the seeds, serve on http://127.0.0.1:8000/
#   make test   set everything up, lint, run the tests on SQLite and on PostgreSQL
# and the one a deployment runs (README.md, Deploying):
#   make serve  set up, migrate, collect static files, serve with gunicorn on HOST
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1:8000
TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/newsmap

.PHONY: setup run serve test test-sqlite test-postgres lint benchmark clean

setup: $(VENV)/.installed node_modules/.installed var/gazetteer.sqlite3
	@# Bytecode for our own modules: the interpreter reads it even where
	@# PYTHONDONTWRITEBYTECODE stops it writing any, and compiling them again
	@# cost 0.1 s of every command.
	$(PY) -m compileall -q events newsmap

# JavaScript from package-lock.json: the offline basemap newsmap serves (world-atlas,
# topojson-client) and TimelineJS for tests/test_timelinejs.py.
node_modules/.installed: package.json package-lock.json scripts/system-packages
	scripts/system-packages
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

$(VENV)/.installed: requirements.txt requirements-dev.txt scripts/system-packages
	scripts/system-packages
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

var/gazetteer.sqlite3: $(VENV)/.installed events/gazetteer.py events/data/supplement.tsv events/data/demonyms.tsv
	$(PY) manage.py build_gazetteer

run: setup
	$(PY) manage.py migrate --no-input
	$(PY) manage.py ingest seeds/
	DEBUG=true $(PY) manage.py runserver $(HOST)

# DEBUG is off whatever the environment says: this is the command for real use.
# gunicorn serves the pages (gunicorn.conf.py: WEB_CONCURRENCY workers, default 2),
# whitenoise (in the middleware) the collected static files.
serve: setup
	$(PY) manage.py migrate --no-input
	$(PY) manage.py collectstatic --no-input --verbosity 0
	DEBUG=false $(PY) -m newsmap.gunicorn_run --bind $(HOST)

lint: $(VENV)/.installed
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

test-sqlite: setup node_modules/.installed
	$(PY) -m pytest

test-postgres: setup node_modules/.installed
	DATABASE_URL=$(TEST_DATABASE_URL) $(PY) -m pytest

test: lint test-sqlite test-postgres

benchmark: setup
	$(PY) benchmarks/ingest_speed.py
	$(PY) benchmarks/embed_size.py
	$(PY) benchmarks/dates_speed.py
	$(PY) benchmarks/map_speed.py
	$(PY) benchmarks/country_points.py
	$(PY) benchmarks/html_bodies.py
	$(PY) benchmarks/load.py

clean:
	rm -rf $(VENV) var node_modules
