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

## Runs the server on this machine (data in .data/, dashboard on http://localhost:9999).
start: ui
	cd packages/server && $(PNPM) start

## Runs every check and test. CI runs this after installing PostgreSQL, sshd and Chromium.
test: ui
	$(PNPM) run verify
	$(PNPM) exec vitest run

verify: install
	$(PNPM) run verify

clean:
	rm -rf node_modules packages/*/node_modules packages/*/dist startos/node_modules javascript
