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
# InfluxDB 1.x (Debian's influxdb, 1.6.7~rc0 on bookworm) with its HTTP API on 127.0.0.1:8086, auth disabled,
# database iggy created. Runs as user influxdb with /etc/influxdb/iggy-ci.conf (data under /var/lib/influxdb,
# RPC port 127.0.0.1:8088); logs to the log.
set -euo pipefail
SVC_NAME=influxdb SVC_HOST=127.0.0.1 SVC_PORT=8086
SVC_PACKAGES=(influxdb)
source "$(dirname "$0")/lib.sh"
svc_begin "$@"

url=http://$SVC_HOST:$SVC_PORT
ping() { [[ $(curl -s -m 2 -o /dev/null -w '%{http_code}' "$url/ping") == 204 ]]; }
has_db() { curl -sf -m 2 -G "$url/query" --data-urlencode 'q=SHOW DATABASES' | grep -q '\["iggy"\]'; }

svc_install
changed=0
svc_write_file /etc/influxdb/iggy-ci.conf <<CONF && changed=1
# written by camel-iggy .ci/services/influxdb.sh
reporting-disabled = true
bind-address = "127.0.0.1:8088"
[meta]
  dir = "/var/lib/influxdb/meta"
[data]
  dir = "/var/lib/influxdb/data"
  wal-dir = "/var/lib/influxdb/wal"
  query-log-enabled = false
[http]
  enabled = true
  bind-address = "$SVC_HOST:$SVC_PORT"
  auth-enabled = false
  log-enabled = false
[logging]
  level = "info"
[monitor]
  store-enabled = false
CONF
install -d -o influxdb -g influxdb -m 0755 /var/lib/influxdb
svc_restart_if_changed $changed
svc_ensure_started ping influxdb /usr/bin/influxd -config /etc/influxdb/iggy-ci.conf
svc_wait "GET /ping answering 204" ping
if ! has_db; then
  curl -sf -m 10 -XPOST "$url/query" --data-urlencode 'q=CREATE DATABASE iggy' >>"$SVC_LOG"
  echo >>"$SVC_LOG"
  svc_wait "database iggy listed" has_db
fi
version=$(curl -s -m 2 -o /dev/null -D - "$url/ping" | tr -d '\r' | awk -F': ' 'tolower($1) == "x-influxdb-version" { print $2 }')
svc_ready "InfluxDB $version"
