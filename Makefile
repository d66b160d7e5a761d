# Spark Control. Two commands matter: `make demo` and `make test` (see README.md).
PNPM := npx --yes pnpm@10.34.8
export NPM_CONFIG_UPDATE_NOTIFIER := false

.PHONY: install start demo test verify bench build ui clean

# Reinstalls only when a manifest or the lockfile changed.
node_modules/.modules.yaml: package.json pnpm-lock.yaml pnpm-workspace.yaml $(wildcard packages/*/package.json) $(wildcard startos/package.json)
	$(PNPM) install --frozen-lockfile
	@touch $@

install: node_modules/.modules.yaml

ui: install
	$(PNPM) --filter @spark-control/ui build

build: install
	$(PNPM) -r build

## Runs Spark Control against two simulated Sparks (data in .data/demo); Ctrl-C stops everything.
# Plain node, no wrapper between the terminal and the demo: tsx's CLI relays a signal and SIGKILLs a
# child that does not acknowledge it within 30 ms (a busy machine), which would skip the clean-up.
demo: ui
	node --import tsx scripts/demo.ts

## Runs the server on this machine against the Sparks in .data/settings.json.
start: ui
	cd packages/server && $(PNPM) start

## Measures the benchmarks and writes docs/BENCHMARKS.md.
bench: install
	$(PNPM) exec tsx scripts/bench.ts

## Runs every check and test. CI runs this after installing PostgreSQL, sshd and Chromium.
test: ui
	$(PNPM) run verify
	$(PNPM) exec vitest run

verify: install
	$(PNPM) run verify

clean:
	rm -rf node_modules packages/*/node_modules packages/*/dist startos/node_modules javascript

# ---------------------------------------------------------------------------
# StartOS package: `make x86` / `make arm` build spark-control_<arch>.s9pk with the SDK's
# s9pk.mk (needs start-cli, Docker with buildx and squashfs-tools; see docs/startos.md).
# s9pk.mk is read only for these goals: its own `install` (sideload) and `clean` would
# otherwise replace the targets above. The package directory is startos/ (javascript/, icon,
# LICENSE, instructions.md, assets/); start-cli runs docker from here, on the root Dockerfile.
S9PK_MK := startos/node_modules/@start9labs/start-sdk/s9pk.mk
# The package directory exactly as start-cli gets it: it loads the manifest with
# require('<this>/javascript/index.js'), and node reads a bare "startos/..." as a package name.
S9PK_PACKAGE := ./startos
S9PK_GOALS := x86 x86_64 arm arm64 aarch64 arches ingredients s9pk-preflight startos/javascript/index.js release
.PHONY: x86 arm universal s9pk-preflight release adopt

ifneq ($(filter $(S9PK_GOALS) arch/% %.s9pk,$(MAKECMDGOALS)),)
ARCHES := x86 arm
override INGREDIENTS := $(shell start-cli s9pk list-ingredients $(S9PK_PACKAGE) 2>/dev/null)
ifneq ($(wildcard $(S9PK_MK)),)
include $(S9PK_MK)

# Same targets and prerequisites as s9pk.mk's, so these replace its recipes: pack the package directory.
$(BASE_NAME)_%.s9pk: $(INGREDIENTS) $(GIT_DEPS) | check-deps
	@$(MAKE) --no-print-directory ingredients
	@echo "   Packing '$@'..."
	start-cli s9pk pack $(S9PK_PACKAGE) --arch=$* -o $@

# The bundle the package carries; pnpm's install stamp replaces s9pk.mk's `npm ci` node_modules rule.
startos/javascript/index.js: $(shell find startos -path startos/node_modules -prune -o -path startos/javascript -prune -o -path startos/test -prune -o -type f -print) | node_modules/.modules.yaml
	$(PNPM) --filter @spark-control/startos run check
	node $(dir $(S9PK_MK))lint.mjs
	$(PNPM) --filter @spark-control/startos run build

check-deps: s9pk-preflight

## Publishes the packed .s9pk files as a Gitea release (GITEA_URL, GITEA_REPO, GITEA_TOKEN).
release: startos/javascript/index.js
	$(PNPM) --filter @spark-control/startos exec tsx ../scripts/release.ts
else
x86 x86_64 arm arm64 aarch64 arches ingredients startos/javascript/index.js release:
	@echo "startos/node_modules is missing: run 'make install' first, then 'make $@' again." >&2; exit 1
endif
endif

# Releases carry one file per architecture (docs/startos.md); s9pk.mk's universal recipe packs the repository root.
universal:
	@echo "Build one package per architecture instead: make x86 arm" >&2; exit 1

## Says what is missing to pack an .s9pk here.
s9pk-preflight:
	@missing=""; \
	command -v start-cli >/dev/null || missing="$$missing\n  - start-cli (https://docs.start9.com/packaging/environment-setup.html)"; \
	if ! command -v docker >/dev/null; then missing="$$missing\n  - docker"; \
	elif ! docker info >/dev/null 2>&1; then missing="$$missing\n  - a running Docker engine (docker info fails)"; \
	elif ! docker buildx version >/dev/null 2>&1; then missing="$$missing\n  - docker buildx"; \
	elif [ -n "$(filter arm arm64 aarch64 %_aarch64.s9pk,$(MAKECMDGOALS))" ] && ! uname -m | grep -qE '^(aarch64|arm64)$$' \
		&& ! docker buildx inspect 2>/dev/null | grep -q 'linux/arm64'; then \
		missing="$$missing\n  - arm64 emulation in Docker, to build the aarch64 image on this $$(uname -m) machine:\n    docker run --privileged --rm tonistiigi/binfmt --install arm64\n    (or run 'make arm' on an arm64 machine: a DGX Spark is one)"; fi; \
	command -v mksquashfs >/dev/null || missing="$$missing\n  - mksquashfs (squashfs-tools)"; \
	command -v tar2sqfs >/dev/null || missing="$$missing\n  - tar2sqfs (squashfs-tools-ng)"; \
	command -v jq >/dev/null || missing="$$missing\n  - jq"; \
	dir="$(CURDIR)"; while [ ! -f "$$dir/.startos/build-key" ] && [ "$$dir" != / ]; do dir=$$(dirname "$$dir"); done; \
	[ -f "$$dir/.startos/build-key" ] || missing="$$missing\n  - a packaging workspace: the signing key .startos/build-key in this folder or one above it\n    (start-cli s9pk init-workspace <folder>; see docs/startos.md, \"Signing key\")"; \
	if [ -n "$$missing" ]; then printf "Cannot pack an .s9pk on this machine. Missing:$$missing\n" >&2; exit 1; fi

## Installs the latest Gitea release on a StartOS box (GITEA_URL, GITEA_REPO, STARTOS_HOST; see docs/startos.md).
adopt: install
	$(PNPM) --filter @spark-control/startos exec tsx ../scripts/release-adopt.ts
