# The two commands: `make run` (the whole stack, locally) and `make test` (everything CI runs).
# Every target installs what it needs into .venv first; nothing is installed by hand.

PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat requirements.txt requirements-dev.txt | cksum | cut -d' ' -f1)
USER_ID := $(or $(USER),alice)

.PHONY: run token test check soak lint typecheck statelint package cfn-lint pytest openapi bench cost eval poppler clean

$(STAMP): requirements.txt requirements-dev.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install -q --disable-pip-version-check --upgrade pip
	@$(BIN)/python -m pip install -q --disable-pip-version-check -r requirements-dev.txt
	@rm -f $(VENV)/.installed-* && touch $@

## make run: the HTTP API on http://127.0.0.1:8000, WebSockets on ws://127.0.0.1:8001 and moto
## (DynamoDB, S3, Step Functions) on :5000
run: $(STAMP)
	$(BIN)/python -m local_stack run

## make -s token USER=alice: a development token for any user id (last line)
token: $(STAMP)
	@$(BIN)/python -m local_stack token $(USER_ID)

## make test: lint, types, the state machine, the packaged template, and every test
test: lint typecheck statelint cfn-lint pytest

## make check: lint, types and the unit tier (no stack): the quick loop, under a minute
check: lint typecheck
	$(BIN)/python -m pytest -n 2 -m unit -q

## make soak: the soak test in full (make test runs a shorter one)
soak: package
	SOAK_WORKFLOWS=300 $(BIN)/python -m pytest -m soak

lint: $(STAMP)
	$(BIN)/ruff check .

typecheck: $(STAMP)
	$(BIN)/mypy chalicelib progress_client

statelint: $(STAMP)
	$(BIN)/statelint stepfunctions/workflow.asl.json

package: $(STAMP)
	$(BIN)/python deploy/package.py --out build/package

cfn-lint: package
	$(BIN)/cfn-lint build/package/sam.json

# The soak runs 100 workflows here; `make soak` runs 300.
pytest: package poppler
	SOAK_WORKFLOWS=$${SOAK_WORKFLOWS:-100} $(BIN)/python -m pytest -n 2 --dist loadgroup

## make openapi: regenerate docs/openapi.json from the routes and the pydantic models
openapi: $(STAMP)
	$(BIN)/python -m local_stack openapi > docs/openapi.json

## make bench: cold-start imports, our PDF/DOCX extraction next to poppler's pdftotext, WebSocket fan-out,
## the analyzer's time per inspection next to the previous analyzer
bench: $(STAMP) poppler
	$(BIN)/python bench/cold_start.py
	$(BIN)/python bench/extract.py
	$(BIN)/python bench/fanout.py
	$(BIN)/python bench/analyzer.py
	$(BIN)/python bench/render.py

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

## poppler-utils: pdftotext (the extraction benchmark) and pdftoppm (the PDF report test)
poppler:
	@command -v pdftoppm >/dev/null && command -v pdftotext >/dev/null || (apt-get update -qq && apt-get install -y -qq poppler-utils)

clean:
	rm -rf $(VENV) build .local .pytest_cache .mypy_cache .ruff_cache
