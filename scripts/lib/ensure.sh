# Shared by scripts/test.sh and scripts/e2e-prod.sh: make sure PostgreSQL (running, with the
# portal role), Chromium and nginx are there. Installs or starts them where it can (Debian, as
# root); otherwise stops with one line saying what to install.
export TEST_DATABASE_URL="${TEST_DATABASE_URL:-postgres://portal:portal@127.0.0.1:5432/postgres}"
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
is_root() { [ "$(id -u)" -eq 0 ]; }
fail() { echo "test: $*" >&2; exit 1; }
as_postgres() { (cd / && runuser -u postgres -- "$@"); }

ensure_postgres() {
  if ! command -v pg_isready >/dev/null || ! command -v psql >/dev/null; then
    is_root || fail "PostgreSQL is missing: install it (Debian: sudo apt-get install -y postgresql) or set TEST_DATABASE_URL."
    echo "test: installing PostgreSQL"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
  if ! pg_isready -q -d "$TEST_DATABASE_URL"; then
    is_root && command -v pg_lsclusters >/dev/null ||
      fail "PostgreSQL is not running at $TEST_DATABASE_URL: start it (sudo pg_ctlcluster <version> main start) or set TEST_DATABASE_URL."
    # The first cluster Debian created, e.g. "15 main".
    read -r version cluster _ < <(pg_lsclusters --no-header | head -n 1) ||
      fail "No PostgreSQL cluster found: create one (sudo pg_createcluster --start 15 main)."
    echo "test: starting PostgreSQL $version/$cluster"
    pg_ctlcluster --skip-systemctl-redirect "$version" "$cluster" start || true
    for _ in $(seq 1 30); do pg_isready -q -d "$TEST_DATABASE_URL" && break; sleep 1; done
    pg_isready -q -d "$TEST_DATABASE_URL" || fail "PostgreSQL did not start; see /var/log/postgresql/."
  fi
  if ! psql "$TEST_DATABASE_URL" -qtAc 'select 1' >/dev/null 2>&1; then
    is_root || fail "Cannot sign in to PostgreSQL as in $TEST_DATABASE_URL: create the role (CREATE ROLE portal LOGIN CREATEDB PASSWORD 'portal')."
    # Local socket auth is peer, so the postgres OS user can create the test role.
    echo "test: creating PostgreSQL role portal"
    as_postgres psql -qv ON_ERROR_STOP=1 <<'SQL'
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'portal') THEN
    CREATE ROLE portal LOGIN SUPERUSER CREATEDB PASSWORD 'portal';
  ELSE
    ALTER ROLE portal LOGIN SUPERUSER CREATEDB PASSWORD 'portal';
  END IF;
END $$;
SQL
    psql "$TEST_DATABASE_URL" -qtAc 'select 1' >/dev/null || fail "Still cannot sign in to PostgreSQL at $TEST_DATABASE_URL."
  fi
}

ensure_chromium() {
  [ -x "$CHROMIUM" ] && return
  is_root || fail "Chromium is missing at $CHROMIUM: install it (Debian: sudo apt-get install -y chromium) or set CHROMIUM_PATH."
  echo "test: installing Chromium"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  [ -x "$CHROMIUM" ] || fail "Chromium was installed but is not at $CHROMIUM; set CHROMIUM_PATH."
}

# nginx is optional: the auth_request test (lib/hot-path/nginx.db.test.ts) runs where it exists.
ensure_nginx() {
  command -v nginx >/dev/null && return
  if is_root && command -v apt-get >/dev/null; then
    echo "test: installing nginx (for the auth_request test)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null 2>&1 ||
      { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null 2>&1; } ||
      echo "test: nginx could not be installed; the nginx test will be skipped"
    # Debian starts the packaged service on install; the tests run their own nginx.
    service nginx stop >/dev/null 2>&1 || true
  else
    echo "test: nginx not found; the nginx auth_request test will be skipped (Debian: apt-get install nginx)"
  fi
}


# conda-package-handling (`cph`) builds the real .conda and .tar.bz2 packages the channel tests
# upload. Optional: the package tests are skipped, saying why, where it cannot be installed.
ensure_cph() {
  command -v cph >/dev/null && return
  if is_root && command -v apt-get >/dev/null; then
    echo "test: installing conda-package-handling (builds real packages for the channel tests)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq conda-package-handling python3-conda-package-streaming >/dev/null 2>&1 ||
      { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq conda-package-handling python3-conda-package-streaming >/dev/null 2>&1; } ||
      echo "test: conda-package-handling could not be installed; the package upload tests will be skipped"
  else
    echo "test: cph not found; the package upload tests will be skipped (Debian: apt-get install conda-package-handling)"
  fi
}
