#!/usr/bin/env bash
#
# Copyright The camel-iggy Authors
#
# Licensed under the Apache License, Version 2.0 (the "License");
# you may not use this file except in compliance with the License.
# You may obtain a copy of the License at
#
#     http://www.apache.org/licenses/LICENSE-2.0
#
# Unless required by applicable law or agreed to in writing, software
# distributed under the License is distributed on an "AS IS" BASIS,
# WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
# See the License for the specific language governing permissions and
# limitations under the License.
#
# PostgreSQL (Debian's postgresql, 15 on bookworm) on 127.0.0.1:5432: database iggy owned by user iggy
# (password iggy, scram-sha-256 over TCP), so iggy may create tables in its public schema. Uses Debian's cluster
# tools (pg_createcluster, pg_ctlcluster): no systemd needed. Durability is traded for speed (fsync off): it is a
# throwaway test database. Log: /var/log/postgresql/postgresql-<version>-main.log, linked as the service log.
set -euo pipefail
SVC_NAME=postgresql SVC_HOST=127.0.0.1 SVC_PORT=5432
SVC_PACKAGES=(postgresql)
source "$(dirname "$0")/lib.sh"
svc_begin "$@"

probe() { PGPASSWORD=iggy PGCONNECT_TIMEOUT=2 psql -h "$SVC_HOST" -p "$SVC_PORT" -U iggy -d iggy -qAtc 'SELECT 1' | grep -qx 1; }

svc_install
version=$(find /usr/lib/postgresql -mindepth 2 -maxdepth 3 -path '*/bin/postgres' | awk -F/ '{ print $5 }' | sort -V | tail -n 1)
[[ -n $version ]] || svc_die "no PostgreSQL server under /usr/lib/postgresql"
if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" { found = 1 } END { exit !found }'; then
  pg_createcluster "$version" main >>"$SVC_LOG" 2>&1
fi
changed=0
svc_write_file "/etc/postgresql/$version/main/conf.d/iggy-ci.conf" <<CONF && changed=1
# written by camel-iggy .ci/services/postgresql.sh
listen_addresses = '$SVC_HOST'
port = $SVC_PORT
password_encryption = scram-sha-256
max_connections = 200
fsync = off
synchronous_commit = off
full_page_writes = off
CONF
ln -sfn "/var/log/postgresql/postgresql-$version-main.log" "$SVC_LOG"
if pg_ctlcluster "$version" main status >/dev/null 2>&1; then
  SVC_STATE="already running"
  if [[ $changed -eq 1 ]]; then
    pg_ctlcluster "$version" main restart
    SVC_STATE="restarted"
  fi
else
  pg_ctlcluster "$version" main start
  SVC_STATE="started"
fi
svc_wait "pg_isready" pg_isready -q -h "$SVC_HOST" -p "$SVC_PORT"

runuser -u postgres -- psql -p "$SVC_PORT" -v ON_ERROR_STOP=1 -qX >>"$SVC_LOG" 2>&1 <<'SQL'
DO $$
BEGIN
  IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'iggy') THEN
    ALTER ROLE iggy LOGIN PASSWORD 'iggy';
  ELSE
    CREATE ROLE iggy LOGIN PASSWORD 'iggy';
  END IF;
END
$$;
SELECT 'CREATE DATABASE iggy OWNER iggy' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'iggy')\gexec
GRANT ALL PRIVILEGES ON DATABASE iggy TO iggy;
SQL
svc_wait "password login of iggy over TCP" probe
svc_ready "PostgreSQL $(psql -V | awk '{ print $3 }')"
