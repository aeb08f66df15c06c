#!/usr/bin/env bash
# npm run e2e:prod — the production check: two app processes (server.ts) on one PostgreSQL
# database behind Debian's nginx (an upstream for the portal, and a package mirror guarded by
# auth_request to /api/tokens/check), then a short end-to-end path through nginx in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/ensure.sh

check_installed postgres chromium nginx
ensure_postgres

DB=portal_prod_check
PORT_A=3201 PORT_B=3202 PORT_NGINX=3280 PORT_MIRROR=3281
base_url="${TEST_DATABASE_URL%/*}"
export DATABASE_URL="$base_url/$DB"
export AUTH_SECRET="prod-check-$(openssl rand -hex 16)"
# Mail stays in the local mailbox, which the production spec reads.
export EMAIL_TRANSPORT=mailbox
# The suite reads the mailbox with this bearer (e2e/support.ts); nobody else may.
export MAILBOX_TOKEN="prod-check-mailbox-$(openssl rand -hex 16)"
# nginx on this host is the proxy whose X-Forwarded-For the app believes.
export TRUSTED_PROXIES=127.0.0.1
export APP_URL="http://127.0.0.1:$PORT_NGINX"
export NODE_ENV=production
work="$(mktemp -d)"
pids=()

cleanup() {
  [ -f "$work/nginx.pid" ] && kill -QUIT "$(cat "$work/nginx.pid")" 2>/dev/null || true
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  psql "$TEST_DATABASE_URL" -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

psql "$TEST_DATABASE_URL" -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB" >/dev/null
[ -f .next/BUILD_ID ] || npx next build
npx tsx db/migrate.ts

for port in $PORT_A $PORT_B; do
  PORT=$port node --import tsx server.ts >"$work/app-$port.log" 2>&1 &
  pids+=($!)
done

mkdir -p "$work/logs"
cat >"$work/nginx.conf" <<NGINX
worker_processes 1;
pid $work/nginx.pid;
error_log $work/logs/error.log warn;
events { worker_connections 256; }
http {
  access_log $work/logs/access.log;
  client_body_temp_path $work/body; proxy_temp_path $work/proxy; fastcgi_temp_path $work/fastcgi;
  uwsgi_temp_path $work/uwsgi; scgi_temp_path $work/scgi;
  upstream portal { server 127.0.0.1:$PORT_A; server 127.0.0.1:$PORT_B; keepalive 16; }
  server {
    listen 127.0.0.1:$PORT_NGINX;
    client_max_body_size 6m;
    location / {
      proxy_pass http://portal;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host:\$server_port;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
    }
  }
  server {
    listen 127.0.0.1:$PORT_MIRROR;
    location ~ ^/t/[^/]+/(?<file>.+)\$ {
      auth_request /_token_check;
      alias $PWD/channels/\$file;
      default_type application/json;
    }
    location = /_token_check {
      internal;
      proxy_pass http://portal/api/tokens/check;
      proxy_pass_request_body off;
      proxy_set_header Content-Length "";
      proxy_set_header X-Original-URI \$request_uri;
    }
  }
}
NGINX

for port in $PORT_A $PORT_B; do
  for _ in $(seq 1 90); do curl -sf "http://127.0.0.1:$port/api/health" >/dev/null && break; sleep 1; done
  curl -sf "http://127.0.0.1:$port/api/health" >/dev/null || { cat "$work/app-$port.log"; fail "app process on port $port did not start"; }
done
nginx -p "$work" -c "$work/nginx.conf"
echo "e2e:prod: processes on :$PORT_A and :$PORT_B, nginx on :$PORT_NGINX (portal) and :$PORT_MIRROR (mirror)"

PROD_BASE_URL="http://127.0.0.1:$PORT_NGINX" PROD_A="http://127.0.0.1:$PORT_A" PROD_B="http://127.0.0.1:$PORT_B" \
  PROD_MIRROR="http://127.0.0.1:$PORT_MIRROR" CHROMIUM_PATH="$CHROMIUM" npx playwright test -c playwright.prod.config.ts
