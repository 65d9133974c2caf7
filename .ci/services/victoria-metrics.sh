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
# VictoriaMetrics single node (Debian's victoria-metrics, 1.79 on bookworm) on 127.0.0.1:8428: Influx line
# protocol on /write, Prometheus remote write on /api/v1/write, JSON lines on /api/v1/import; /api/v1/export and
# /api/v1/query to read. Test-friendly: no 30 s search latency offset and no response cache, so a point can be
# read as soon as it is flushed (GET /internal/force_flush flushes at once). Runs as _victoria-metrics, data
# under /var/lib/victoria-metrics/iggy-ci, retention 1 month; logs to the log.
set -euo pipefail
SVC_NAME=victoria-metrics SVC_HOST=127.0.0.1 SVC_PORT=8428
SVC_PACKAGES=(victoria-metrics)
DATA_DIR=/var/lib/victoria-metrics/iggy-ci
source "$(dirname "$0")/lib.sh"
svc_begin "$@"

url=http://$SVC_HOST:$SVC_PORT
health() { [[ $(curl -s -m 2 "$url/health") == OK ]]; }

svc_install
cmd=(/usr/bin/victoria-metrics -httpListenAddr="$SVC_HOST:$SVC_PORT" -storageDataPath="$DATA_DIR"
  -retentionPeriod=1 -search.latencyOffset=0s -search.disableCache -loggerFormat=default)
changed=0
printf '%q ' "${cmd[@]}" | svc_write_file "$IGGY_CI_SERVICES_DIR/$SVC_NAME.cmdline" && changed=1
install -d -o _victoria-metrics -g _victoria-metrics -m 0750 /var/lib/victoria-metrics "$DATA_DIR"
svc_restart_if_changed $changed
svc_ensure_started health _victoria-metrics "${cmd[@]}"
svc_wait "GET /health answering OK" health
# Debian's build reports an empty version (-version, /metrics): name the package's.
svc_ready "VictoriaMetrics $(dpkg-query -W -f='${Version}' victoria-metrics)"
