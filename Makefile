# The two commands: `make run` (the whole stack, locally) and `make test` (everything CI runs).
# Every target installs what it needs into .venv first; nothing is installed by hand.

PYTHON ?= python3.11
# Lambda runs python3.12: tests/integration/test_lambda_package.py imports the deployment zip with
# it. pyenv's build on this machine kind, else one on PATH. (Debian 12 packages no 3.12, and
# `pyenv install` needs python.org, which is not reachable here.)
PYTHON312 ?= $(firstword $(wildcard $(HOME)/.pyenv/versions/3.12*/bin/python3.12) $(shell command -v python3.12 2>/dev/null))
export PYTHON312
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat requirements.txt requirements-dev.txt | cksum | cut -d' ' -f1)
USER_ID := $(or $(USER),alice)
# The Chalice stage to package (.chalice/config.json); every stage but dev gets its own directory,
# so two stages can be packaged side by side.
STAGE   ?= dev
PACKAGE_DIR := build/package$(if $(filter-out dev,$(STAGE)),-$(STAGE))
CHECKOV_VENV := .venv-checkov
CHECKOV_STAMP := $(CHECKOV_VENV)/.installed-$(shell cat requirements-checkov.txt | cksum | cut -d' ' -f1)
SAM_VENV := .venv-sam
SAM_STAMP := $(SAM_VENV)/.installed-$(shell cat requirements-sam.txt | cksum | cut -d' ' -f1)

WEB_STAMP := web/node_modules/.installed-$(shell cksum < web/package-lock.json | cut -d' ' -f1)
WEB_SOURCES := $(shell find web/src -type f) web/index.html web/vite.config.ts web/tsconfig.json

.PHONY: web web-test chromium publish-web run reset token test check soak lint typecheck statelint package cfn-lint checkov sam-validate pytest openapi bench cost eval poppler tesseract python312 smoke clean

$(STAMP): requirements.txt requirements-dev.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install -q --disable-pip-version-check --upgrade pip
	@$(BIN)/python -m pip install -q --disable-pip-version-check -r requirements-dev.txt
	@rm -f $(VENV)/.installed-* && touch $@

## make run: the HTTP API on http://127.0.0.1:8000, WebSockets on ws://127.0.0.1:8001 and moto
## (DynamoDB, S3, Step Functions) on :5000; its data is kept in .local/data across restarts
## (LOCAL_STACK_PERSIST=0: in memory only); Lambda invocations in worker processes
## (make run LAMBDA_WORKERS=N: how many; 2 per core by default); the dashboard at http://127.0.0.1:8000/
run: $(STAMP) poppler tesseract web
	$(BIN)/python -m local_stack run

## make reset: forget everything make run kept (workflows, reports, API keys, audit log); stop it first
reset:
	@if [ -f .local/data/LOCK ] && command -v flock >/dev/null && ! flock -n .local/data/LOCK true; then \
	  echo "make run is using .local/data: stop it first"; exit 1; fi
	rm -rf .local/data
	@echo "Cleared .local/data: the next make run starts empty"

## make -s token USER=alice: a development token for any user id (last line)
token: $(STAMP)
	@$(BIN)/python -m local_stack token $(USER_ID)

## make test: lint, types, the state machine, the packaged template (cfn-lint, checkov, sam validate),
## and every test. The checks run two at a time (their installs mostly wait on the disk), then
## the tests, which use both cores themselves.
test:
	$(MAKE) -j2 --output-sync=target lint typecheck statelint cfn-lint checkov sam-validate web-test
	$(MAKE) pytest

## make check: lint, types and the unit tier (no stack): the quick loop, under a minute
check: lint typecheck tesseract web-test
	$(BIN)/python -m pytest -n 2 -m unit -q

## make soak: the soak test and the stop-signal rounds in full (make test runs shorter ones)
soak: package
	SOAK_WORKFLOWS=300 $(BIN)/python -m pytest -m soak
	STOP_SIGNAL_ROUNDS=60 $(BIN)/python -m pytest tests/integration/test_local_stop.py

lint: $(STAMP)
	$(BIN)/ruff check .

typecheck: $(STAMP)
	$(BIN)/mypy chalicelib progress_client local_stack app.py bench

statelint: $(STAMP)
	$(BIN)/statelint stepfunctions/workflow.asl.json

## make package [STAGE=prod]: build/package (dev) or build/package-<stage>: sam.json and the zip
package: $(STAMP)
	$(BIN)/python deploy/package.py --stage $(STAGE) --out $(PACKAGE_DIR)

cfn-lint: package
	$(BIN)/cfn-lint $(PACKAGE_DIR)/sam.json

$(CHECKOV_STAMP): requirements-checkov.txt
	@test -x $(CHECKOV_VENV)/bin/python || $(PYTHON) -m venv $(CHECKOV_VENV)
	@$(CHECKOV_VENV)/bin/python -m pip install -q --disable-pip-version-check -r requirements-checkov.txt
	@rm -f $(CHECKOV_VENV)/.installed-* && touch $@

## make checkov: no failed check on the packaged template; each skip carries its reason in the
## template (Metadata.checkov.skip, written by deploy/hardening.py)
checkov: package $(CHECKOV_STAMP)
	$(CHECKOV_VENV)/bin/checkov --file $(PACKAGE_DIR)/sam.json --framework cloudformation \
	  --quiet --compact --skip-download

$(SAM_STAMP): requirements-sam.txt
	@test -x $(SAM_VENV)/bin/python || $(PYTHON) -m venv $(SAM_VENV)
	@$(SAM_VENV)/bin/python -m pip install -q --disable-pip-version-check -r requirements-sam.txt
	@rm -f $(SAM_VENV)/.installed-* && touch $@

## make sam-validate: the SAM CLI's own validation and lint of the packaged template, offline
sam-validate: package $(SAM_STAMP)
	AWS_DEFAULT_REGION=us-east-1 AWS_ACCESS_KEY_ID=offline AWS_SECRET_ACCESS_KEY=offline SAM_CLI_TELEMETRY=0 \
	  $(SAM_VENV)/bin/sam validate --lint --template-file $(PACKAGE_DIR)/sam.json

# The soak runs 40 workflows here (the suite stays under 15 minutes on 2 cores); `make soak` runs 300.
# The slowest tests are listed at the end, to see where the time goes.
# The dashboard's browser tests run in it (tests/integration/test_dashboard_e2e.py): REQUIRE_E2E
# makes a missing build or browser fail there rather than skip.
pytest: package poppler tesseract python312 web chromium
	REQUIRE_E2E=1 SOAK_WORKFLOWS=$${SOAK_WORKFLOWS:-40} $(BIN)/python -m pytest -n 2 --dist loadgroup --durations=25

## make openapi: regenerate docs/openapi.json from the routes and the pydantic models
openapi: $(STAMP)
	$(BIN)/python -m local_stack openapi > docs/openapi.json

## make bench: cold-start imports, our PDF/DOCX extraction next to poppler's pdftotext, OCR next to
## tesseract's own command line, WebSocket fan-out,
## the cost of make run's durable data, the analyzer's time per inspection next to the previous analyzer,
## /stats and /analytics at 10 vs 1,000 workflows
bench: $(STAMP) poppler tesseract
	$(BIN)/python bench/cold_start.py
	$(BIN)/python bench/extract.py
	$(BIN)/python bench/ocr.py
	$(BIN)/python bench/fanout.py
	$(BIN)/python bench/durability.py
	$(BIN)/python bench/analyzer.py
	$(BIN)/python bench/render.py
	$(BIN)/python bench/throughput.py
	$(BIN)/python bench/stats.py

## make cost: AWS dollars per 1,000 workflows from requests counted on the local stack (transitions,
## Lambda GB-s, DynamoDB units, S3, SQS), previous design beside current, Claude tokens beside it;
## fails above $0.25 per 1,000 (COST_WORKFLOWS=30 workflows per design)
cost: $(STAMP)
	$(BIN)/python bench/cost.py

## make eval: per-field precision and recall of the offline analyzer over samples/corpus/, per style;
## fails when a field falls below bench/eval_baseline.json (bench/eval_samples.py: the template samples)
eval: $(STAMP)
	$(BIN)/python bench/eval.py
	$(BIN)/python bench/eval_samples.py | tail -20

## make smoke API_URL=https://…/v1/api/orchestrator TOKEN=<ID token>: the README's curl session
## (a TEXT workflow to COMPLETED, its JSON, Markdown and PDF reports) against a running stack
smoke:
	@test -n "$(API_URL)" && test -n "$(TOKEN)" || (echo "usage: make smoke API_URL=<ApiUrl output> TOKEN=<token>"; exit 2)
	@SMOKE_TOKEN='$(TOKEN)' python3 deploy/smoke.py '$(API_URL)'

python312:
	@$(PYTHON312) -c 'import sys; assert sys.version_info[:2] == (3, 12)' 2>/dev/null || \
	  (echo "python3.12 not found (PYTHON312='$(PYTHON312)'): set PYTHON312=/path/to/python3.12"; exit 1)

# The dashboard (web/): npm ci from the committed lock (no browser download), then Vite builds
# web/dist, which make run serves at http://127.0.0.1:8000/.
$(WEB_STAMP): web/package-lock.json
	cd web && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
	@rm -f web/node_modules/.installed-* && touch $@

web/dist/index.html: $(WEB_STAMP) $(WEB_SOURCES)
	cd web && npm run build --silent

## make web: install the dashboard's packages and build it into web/dist
web: web/dist/index.html

## make web-test: the dashboard's unit tests (vitest): the progress hook's reconnect and resume, file checks
web-test: $(WEB_STAMP)
	cd web && npx vitest run

## make publish-web STACK=<stack> [REGION=…]: the built page and its config.json (the stack's API,
## WebSocket and sign-in outputs) into the stack's page bucket, then a CloudFront invalidation
publish-web: $(STAMP) web
	@test -n "$(STACK)" || (echo "usage: make publish-web STACK=<deployed stack name> [REGION=<region>]"; exit 2)
	$(BIN)/python deploy/publish_web.py --stack '$(STACK)' $(if $(REGION),--region '$(REGION)')

## Debian's chromium: the browser the dashboard's Playwright tests drive (no browser download)
chromium:
	@command -v chromium >/dev/null || (apt-get update -qq && apt-get install -y -qq chromium)

## poppler-utils: pdftotext (the extraction benchmark) and pdftoppm (the PDF report test)
poppler:
	@command -v pdftoppm >/dev/null && command -v pdftotext >/dev/null || (apt-get update -qq && apt-get install -y -qq poppler-utils)

## tesseract-ocr: the local OCR engine (make run and the tests read scanned PDFs and photos with it;
## Textract does on AWS) and its English model
tesseract:
	@command -v tesseract >/dev/null && test -n "$$(tesseract --list-langs 2>/dev/null | grep -x eng)" || \
	  (apt-get update -qq && apt-get install -y -qq tesseract-ocr tesseract-ocr-eng)

clean:
	rm -rf $(VENV) $(CHECKOV_VENV) $(SAM_VENV) build .local .pytest_cache .mypy_cache .ruff_cache
	rm -rf web/node_modules web/dist web/screenshots web/test-results
