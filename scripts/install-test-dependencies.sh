#!/usr/bin/env bash
# Installs what the test suite needs beyond Node and npm: a PostgreSQL server and Debian's Chromium.
# Idempotent: does nothing when both are present. Needs root (apt-get) on a fresh machine.
set -euo pipefail

have_postgres() {
  command -v pg_ctl >/dev/null 2>&1 || compgen -G '/usr/lib/postgresql/*/bin/pg_ctl' >/dev/null
}

packages=()
have_postgres || packages+=(postgresql)
[ -x /usr/bin/chromium ] || packages+=(chromium)

if [ ${#packages[@]} -gt 0 ]; then
  echo "installing: ${packages[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
fi
id postgres >/dev/null 2>&1 || useradd --system --home /var/lib/postgresql --shell /bin/bash postgres
