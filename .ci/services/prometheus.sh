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
# Prometheus (Debian's prometheus, 2.42 on bookworm) on 127.0.0.1:9090 as a remote-write receiver
# (--web.enable-remote-write-receiver: POST /api/v1/write), scraping nothing, with a throwaway TSDB under
# $IGGY_CI_SERVICES_DIR/prometheus-data (retention 1 day). Optional: all.sh starts it only when named
# (`all.sh prometheus`, or in a list of names). Runs as user prometheus; logs to the log.
set -euo pipefail
SVC_NAME=prometheus SVC_HOST=127.0.0.1 SVC_PORT=9090
SVC_PACKAGES=(prometheus)
source "$(dirname "$0")/lib.sh"
svc_begin "$@"

url=http://$SVC_HOST:$SVC_PORT
ready() { [[ $(curl -s -m 2 -o /dev/null -w '%{http_code}' "$url/-/ready") == 200 ]]; }

svc_install
data_dir=$IGGY_CI_SERVICES_DIR/prometheus-data
changed=0
svc_write_file /etc/prometheus/iggy-ci.yml <<'CONF' && changed=1
# written by camel-iggy .ci/services/prometheus.sh: receives remote writes, scrapes nothing
global:
  scrape_interval: 15s
  evaluation_interval: 15s
scrape_configs: []
CONF
cmd=(/usr/bin/prometheus --config.file=/etc/prometheus/iggy-ci.yml --storage.tsdb.path="$data_dir"
  --storage.tsdb.retention.time=1d --web.listen-address="$SVC_HOST:$SVC_PORT" --web.enable-remote-write-receiver)
printf '%q ' "${cmd[@]}" | svc_write_file "$IGGY_CI_SERVICES_DIR/$SVC_NAME.cmdline" && changed=1
install -d -o prometheus -g prometheus -m 0750 "$data_dir"
svc_restart_if_changed $changed
svc_ensure_started ready prometheus "${cmd[@]}"
svc_wait "GET /-/ready answering 200" ready
version=$(curl -s -m 2 "$url/api/v1/status/buildinfo" | sed -n 's/.*"version":"\([^"]*\)".*/\1/p')
svc_ready "Prometheus $version, remote-write receiver on /api/v1/write"
