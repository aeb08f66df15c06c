# Shared by scripts/test.sh and scripts/e2e-prod.sh: checks that PostgreSQL and Chromium (and,
# optionally, nginx and cph) are installed, starts an installed PostgreSQL cluster and creates the
# test role. It never installs anything behind your back: .ci/run installs the packages on a CI
# machine; elsewhere the check stops with one line saying what is missing.
export TEST_DATABASE_URL="${TEST_DATABASE_URL:-postgres://portal:portal@127.0.0.1:5432/postgres}"
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
is_root() { [ "$(id -u)" -eq 0 ]; }
fail() { echo "test: $*" >&2; exit 1; }
as_postgres() { (cd / && runuser -u postgres -- "$@"); }

# One line for everything required that is missing, so that one install fixes it; a note for each
# optional tool whose tests will be skipped. Arguments: what the calling script requires
# (postgres, chromium, nginx).
check_installed() {
  local missing=() packages=()
  for tool in "$@"; do
    case "$tool" in
      postgres) command -v pg_isready >/dev/null && command -v psql >/dev/null || { missing+=("PostgreSQL"); packages+=(postgresql); } ;;
      chromium) [ -x "$CHROMIUM" ] || { missing+=("Chromium at $CHROMIUM (or set CHROMIUM_PATH)"); packages+=(chromium); } ;;
      nginx) command -v nginx >/dev/null || { missing+=("nginx"); packages+=(nginx); } ;;
      *) fail "check_installed: unknown tool $tool" ;;
    esac
  done
  if [ ${#missing[@]} -gt 0 ]; then
    local list
    list="$(printf ', %s' "${missing[@]}")"
    fail "missing ${list:2}: install (Debian: sudo apt-get install -y ${packages[*]}); .ci/run installs them on CI."
  fi
  command -v nginx >/dev/null || echo "test: nginx not found; the nginx auth_request test will be skipped (Debian: apt-get install nginx)"
  command -v cph >/dev/null || echo "test: cph not found; the package upload tests will be skipped (Debian: apt-get install conda-package-handling)"
  return 0
}

# Starts an installed cluster when the server is not up, and creates the test role.
ensure_postgres() {
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
