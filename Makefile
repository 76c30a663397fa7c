# Two commands from a fresh clone: `make run` and `make test` (see README).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# The PostgreSQL half of `make test` uses this server; pytest-django creates
# and drops its own test_… database on it.
TEST_DATABASE_URL ?= $(or $(filter postgres%,$(DATABASE_URL)),postgres://postgres@127.0.0.1:5432/test)

# `PORT=8001 make run` when 8000 is taken.
PORT ?= 8000
# DEBUG is off unless XIEZUO_DEBUG=1, and runserver then serves no static files:
# --insecure makes it serve them anyway (development only; production uses WhiteNoise).

.PHONY: run serve test test-sqlite test-postgres system-packages backup restore clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed-run: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $@ $(VENV)/.installed-run

run: $(VENV)/.installed-run
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_sample_data
	$(BIN)/python manage.py ensure_admin --unit 区民政局
	@echo "协作 Xiezuo 已启动：http://127.0.0.1:$(PORT) （Ctrl+C 停止）"
	$(BIN)/python manage.py runserver --insecure 127.0.0.1:$(PORT)

# Production mode locally: gunicorn with settings_production and WhiteNoise, on PostgreSQL.
# Plain HTTP here, so no redirect to HTTPS; a real deployment keeps it behind a TLS proxy (README).
SERVE_DATABASE_URL ?= $(or $(filter postgres%,$(DATABASE_URL)),postgres://postgres@127.0.0.1:5432/xiezuo)
SERVE_ENV = DJANGO_SETTINGS_MODULE=xiezuo.settings_production DATABASE_URL="$(SERVE_DATABASE_URL)" \
	SECRET_KEY="$${SECRET_KEY:-local-serve-only-$$(id -u)-not-for-production-use-7f3a9c1e5b2d4a6f8e0c}" \
	ALLOWED_HOSTS="$${ALLOWED_HOSTS:-127.0.0.1,localhost}" SECURE_SSL_REDIRECT=False

serve: $(VENV)/.installed-run
	$(BIN)/python scripts/ensure_pg_database.py "$(SERVE_DATABASE_URL)"
	$(SERVE_ENV) $(BIN)/python manage.py migrate --noinput
	$(SERVE_ENV) $(BIN)/python manage.py collectstatic --noinput --verbosity 0
	@echo "协作 Xiezuo（gunicorn，生产模式）：http://127.0.0.1:$(PORT) ，健康检查 /healthz （Ctrl+C 停止）"
	$(SERVE_ENV) GUNICORN_BIND=127.0.0.1:$(PORT) WEB_CONCURRENCY=$${WEB_CONCURRENCY:-2} \
		$(BIN)/python -m gunicorn -c xiezuo/gunicorn.conf.py xiezuo.wsgi

system-packages:
	@scripts/ensure_system_packages.sh

# On PostgreSQL, pg_dump / pg_restore come from Debian's postgresql-client (installed when missing, as root).
PG_CLIENT = $(if $(filter postgres%,$(DATABASE_URL)),@scripts/ensure_system_packages.sh postgresql-client)

# One archive of the database and the uploaded files under backups/ (README: 备份与恢复).
backup: $(VENV)/.installed-run
	$(PG_CLIENT)
	$(BIN)/python manage.py backup --dir backups

# `make restore FILE=backups/xiezuo-….tar.gz` into an empty database; OVERWRITE=1 replaces what is there.
restore: $(VENV)/.installed-run
	@if [ -z "$(FILE)" ]; then echo "用法：make restore FILE=backups/xiezuo-….tar.gz（目标数据库不是空的时加 OVERWRITE=1）"; exit 2; fi
	$(PG_CLIENT)
	$(BIN)/python manage.py restore "$(FILE)" $(if $(OVERWRITE),--overwrite)
	$(BIN)/python manage.py migrate --noinput

test: $(VENV)/.installed-test system-packages
	$(MAKE) --no-print-directory test-sqlite
	$(MAKE) --no-print-directory test-postgres

test-sqlite: $(VENV)/.installed-test
	@echo "== 测试：SQLite =="
	env -u DATABASE_URL $(BIN)/python -m pytest $(PYTEST_ARGS)

test-postgres: $(VENV)/.installed-test
	@echo "== 测试：PostgreSQL ($(TEST_DATABASE_URL)) =="
	@if $(BIN)/python scripts/pg_reachable.py "$(TEST_DATABASE_URL)"; then \
		DATABASE_URL="$(TEST_DATABASE_URL)" $(BIN)/python -m pytest $(PYTEST_ARGS); \
	elif [ "$$CI" = "true" ]; then \
		echo "错误：CI 中必须运行 PostgreSQL 测试，但无法连接 $(TEST_DATABASE_URL)"; exit 1; \
	else \
		echo "注意：无法连接 PostgreSQL，已跳过 PostgreSQL 部分的测试（只运行了 SQLite 部分）。"; \
		echo "      启动 PostgreSQL 或设置 DATABASE_URL=postgres://… 后重新运行 make test。"; \
	fi

clean:
	rm -rf $(VENV) var test-artifacts .pytest_cache
